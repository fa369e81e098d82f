// Package seeds embeds factdeck's default corpus: the news articles a fresh
// install serves quizzes from with no set-up. It holds data only.
package seeds

import (
	"embed"
	"io/fs"
)

//go:embed *.txt
var files embed.FS

// FS returns the seed articles, one .txt file each, at the root of the
// returned file system.
func FS() fs.FS { return files }
