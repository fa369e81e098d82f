package quiz

// Ingested is one article made by the pipeline, ready to store in one
// transaction: its facts carry provisional IDs 1..n, each question's FactID
// names one of them (0 for none), and Conflicts links facts to the facts of
// other articles about the same story that answer the same question
// differently.
type Ingested struct {
	// Source names the document it came from.
	Source    string
	Article   Article
	Facts     []Fact
	Questions []Question
	Conflicts []Link
	// Err is why the document could not be made (bad input); the other
	// documents of a batch are not affected.
	Err error
}

// Link pairs a fact of an article (by its provisional ID) with a fact that
// contradicts it: a stored fact (Other, its ID), or a fact of an earlier
// article of the same batch (Sibling, that article's index in the batch,
// and SiblingFact, that fact's provisional ID; Other is then 0).
type Link struct {
	Fact        int64
	Other       int64
	Sibling     int
	SiblingFact int64
}
