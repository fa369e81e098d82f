// Package quiz holds factdeck's domain: articles, the facts extracted from
// them, the questions made from those facts, decks, attempts and the grading
// of answers. It imports nothing else of factdeck's; the pipeline stages in
// its subpackages (clean, extract, generate, export) produce and consume
// these types, and package store persists them.
package quiz
