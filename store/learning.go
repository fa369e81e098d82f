package store

// learningModels lists the tables of the learner's side (learners, quiz
// sessions, attempts, flashcard schedules); they live in their own files.
func learningModels() []any { return nil }
