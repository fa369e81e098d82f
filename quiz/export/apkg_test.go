package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"factdeck/quiz"
)

// openAPKG unzips an .apkg into a temporary directory, checks its media
// map and opens its collection.
func openAPKG(tb testing.TB, data []byte) *sql.DB {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatalf("zip.NewReader(apkg) = %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		files[f.Name] = b
	}
	if got := string(files["media"]); got != "{}" {
		tb.Errorf("apkg media = %q, want {}", got)
	}
	if len(files) != 2 {
		tb.Errorf("apkg holds %d files, want collection.anki2 and media", len(files))
	}
	path := filepath.Join(tb.TempDir(), "collection.anki2")
	if err := os.WriteFile(path, files["collection.anki2"], 0o600); err != nil {
		tb.Fatal(err)
	}
	// A URI: a fuzz test's directory name holds '#', which must be escaped.
	uri := strings.NewReplacer("%", "%25", "#", "%23", "?", "%3F").Replace(path)
	db, err := sql.Open("sqlite3", "file:"+uri+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// queryStrings runs a query returning one text column.
func queryStrings(tb testing.TB, db *sql.DB, query string, args ...any) []string {
	tb.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestChecksum(t *testing.T) {
	tests := []struct {
		name, field string
		want        int64
	}{
		{"anki test vector", "test", 2840236005},
		{"html stripped first", "<b>test</b>", 2840236005},
		{"entities decoded", "a &amp; b", checksum("a & b")},
		{"nbsp is a space", "a&nbsp;b", checksum("a b")},
		{"comments and scripts dropped", "<!-- x -->te<script>alert(1)</script>st", 2840236005},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checksum(stripHTML(tt.field)); got != tt.want {
				t.Errorf("checksum(stripHTML(%q)) = %d, want %d", tt.field, got, tt.want)
			}
		})
	}
}

// Anki's own stripping, by regular expressions, for comparison.
var (
	ankiComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	ankiStyle   = regexp.MustCompile(`(?si)<style\b[^>]*>.*?</style>`)
	ankiScript  = regexp.MustCompile(`(?si)<script\b[^>]*>.*?</script>`)
	ankiTag     = regexp.MustCompile(`(?s)<.*?>`)
)

func ankiStripHTML(s string) string {
	s = ankiComment.ReplaceAllString(s, "")
	s = ankiStyle.ReplaceAllString(s, "")
	s = ankiScript.ReplaceAllString(s, "")
	s = ankiTag.ReplaceAllString(s, "")
	return html.UnescapeString(strings.ReplaceAll(s, "&nbsp;", " "))
}

func TestStripHTML(t *testing.T) {
	tests := []struct{ name, in string }{
		{"plain", "Where did the leaders meet?"},
		{"tags", `Where? <ol type=A class=options><li>Oslo</li><li>Bergen</li></ol>`},
		{"entities", "AT&amp;T &lt;b&gt; &quot;q&quot; &#39;s&#39; a&nbsp;b"},
		{"comment", "a<!-- <b>hidden</b> -->b"},
		{"style and script", "a<STYLE type=x>.c{}</style>b<script>if (a<b) x()</Script>c"},
		{"not a style element", "<styles>x</styles>"},
		{"lone angle bracket", "1 < 2 and 3"},
		{"unclosed comment", "a<!-- b > c"},
		{"cloze", "The talks lasted {{c1::12}} hours.<br>next"},
		{"non-latin", "<b>Мирные</b> переговоры"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := stripHTML(tt.in), ankiStripHTML(tt.in); got != want {
				t.Errorf("stripHTML(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}

func TestWriteAPKGSchema(t *testing.T) {
	d := testDeck()
	db := openAPKG(t, write(t, APKG, d))

	tables := queryStrings(t, db, `select name from sqlite_master where type = 'table' order by name`)
	if got, want := strings.Join(tables, ","), "cards,col,graves,notes,revlog"; got != want {
		t.Errorf("tables = %s, want %s", got, want)
	}
	indexes := queryStrings(t, db, `select name from sqlite_master where type = 'index' order by name`)
	want := []string{"ix_cards_nid", "ix_cards_sched", "ix_cards_usn", "ix_notes_csum",
		"ix_notes_usn", "ix_revlog_cid", "ix_revlog_usn"}
	if strings.Join(indexes, ",") != strings.Join(want, ",") {
		t.Errorf("indexes = %v, want %v", indexes, want)
	}

	var ver, ncol int
	var models, decks, dconf, conf string
	if err := db.QueryRow(`select count(*), max(ver), max(models), max(decks), max(dconf), max(conf) from col`).
		Scan(&ncol, &ver, &models, &decks, &dconf, &conf); err != nil {
		t.Fatal(err)
	}
	if ncol != 1 || ver != 11 {
		t.Errorf("col rows = %d, ver = %d, want 1 row of version 11", ncol, ver)
	}
	for name, js := range map[string]string{"conf": conf, "dconf": dconf} {
		if !json.Valid([]byte(js)) {
			t.Errorf("col.%s is not valid JSON: %s", name, js)
		}
	}

	var modelMap map[string]struct {
		ID    int64  `json:"id"`
		Name  string `json:"name"`
		Type  int    `json:"type"`
		Flds  []struct{ Name string }
		Tmpls []struct{ Qfmt, Afmt string }
	}
	if err := json.Unmarshal([]byte(models), &modelMap); err != nil {
		t.Fatalf("col.models: %v", err)
	}
	if len(modelMap) != 2 {
		t.Errorf("col.models has %d note types, want 2", len(modelMap))
	}
	var clozeMID, basicMID int64
	for key, m := range modelMap {
		if key != jsonInt(m.ID) {
			t.Errorf("model key %s holds id %d", key, m.ID)
		}
		if len(m.Flds) != 3 || m.Flds[2].Name != "Source" || len(m.Tmpls) != 1 {
			t.Errorf("model %s: fields %v, %d templates, want 3 fields ending in Source, 1 template", m.Name, m.Flds, len(m.Tmpls))
		}
		switch m.Type {
		case 1:
			clozeMID = m.ID
			for _, tm := range m.Tmpls {
				if !strings.Contains(tm.Qfmt, "{{cloze:Text}}") || !strings.Contains(tm.Afmt, "{{cloze:Text}}") {
					t.Errorf("cloze template = %q / %q, want {{cloze:Text}} in both", tm.Qfmt, tm.Afmt)
				}
			}
		case 0:
			basicMID = m.ID
		}
	}
	if clozeMID == 0 || basicMID == 0 {
		t.Fatalf("col.models = %s, want a basic (type 0) and a cloze (type 1) note type", models)
	}

	var deckMap map[string]struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(decks), &deckMap); err != nil {
		t.Fatalf("col.decks: %v", err)
	}
	deckName := map[int64]string{}
	for _, dk := range deckMap {
		deckName[dk.ID] = dk.Name
	}
	for _, name := range []string{"Default", "factdeck", "factdeck::Summit ends without a deal",
		"factdeck::" + deckTitle(nastyTitle)} {
		found := false
		for _, n := range deckName {
			found = found || n == name
		}
		if !found {
			t.Errorf("decks %v lack %q", deckName, name)
		}
	}

	var notes, cards, clozes int
	db.QueryRow(`select count(*) from notes`).Scan(&notes)
	db.QueryRow(`select count(*) from cards`).Scan(&cards)
	db.QueryRow(`select count(*) from notes where mid = ?`, clozeMID).Scan(&clozes)
	if notes != len(d.Questions) || cards != len(d.Questions) || clozes != 2 {
		t.Errorf("notes, cards, cloze notes = %d, %d, %d, want %d, %d, 2", notes, cards, clozes, len(d.Questions), len(d.Questions))
	}

	rows, err := db.Query(`select n.id, n.guid, n.mid, n.flds, n.sfld, n.csum, n.tags, c.did, c.ord
		from notes n join cards c on c.nid = n.id order by c.due`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	i := 0
	guidSeen := map[string]bool{}
	for rows.Next() {
		var id, mid, csum, did, ord int64
		var guid, flds, sfld, tags string
		if err := rows.Scan(&id, &guid, &mid, &flds, &sfld, &csum, &tags, &did, &ord); err != nil {
			t.Fatal(err)
		}
		q := d.Questions[i]
		fields := strings.Split(flds, "\x1f")
		if len(fields) != 3 {
			t.Errorf("note %d has %d fields, want 3", i, len(fields))
			continue
		}
		if want := checksum(stripHTML(fields[0])); csum != want {
			t.Errorf("note %d csum = %d, want %d", i, csum, want)
		}
		if want := stripHTML(fields[0]); sfld != want {
			t.Errorf("note %d sfld = %q, want %q", i, sfld, want)
		}
		if guidSeen[guid] || guid == "" {
			t.Errorf("note %d guid %q empty or repeated", i, guid)
		}
		guidSeen[guid] = true
		if q.Type == quiz.Cloze {
			if mid != clozeMID || !strings.Contains(fields[0], "{{c1::") {
				t.Errorf("cloze note %d: mid %d, text %q, want mid %d and a {{c1:: deletion", i, mid, fields[0], clozeMID)
			}
		} else if mid != basicMID {
			t.Errorf("note %d (%s) mid = %d, want basic %d", i, q.Type, mid, basicMID)
		}
		if ord != 0 {
			t.Errorf("card of note %d ord = %d, want 0", i, ord)
		}
		if !strings.HasPrefix(deckName[did], "factdeck::") {
			t.Errorf("card of note %d in deck %q, want one under factdeck::", i, deckName[did])
		}
		for _, tag := range []string{" factdeck ", " factdeck::type::" + string(q.Type) + " ", "factdeck::article::", "factdeck::kind::"} {
			if !strings.Contains(tags, tag) {
				t.Errorf("note %d tags = %q, want %q", i, tags, tag)
			}
		}
		i++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// jsonInt formats an id as JSON object keys hold it.
func jsonInt(id int64) string {
	b, _ := json.Marshal(id)
	return string(b)
}

func TestWriteAPKGEscapesFields(t *testing.T) {
	db := openAPKG(t, write(t, APKG, testDeck()))
	flds := queryStrings(t, db, `select flds from notes order by id`)
	all := strings.Join(flds, "\x00")
	for _, bad := range []string{"<i>html</i>", "<Roe>", "\t", "\n"} {
		if strings.Contains(all, bad) {
			t.Errorf("note fields hold raw %q, want it escaped", bad)
		}
	}
	for _, want := range []string{"&lt;i&gt;html&lt;/i&gt;", "<br>and a second line", "<li>John ~ Doe</li>",
		"{{c1::foreign minister}}", "{{c1::12}}"} {
		if !strings.Contains(all, want) {
			t.Errorf("note fields lack %q:\n%s", want, all)
		}
	}
}

func TestWriteAPKGStableIDs(t *testing.T) {
	ids := func() []string {
		db := openAPKG(t, write(t, APKG, testDeck()))
		out := queryStrings(t, db, `select n.guid || ' ' || n.id || ' ' || c.id || ' ' || c.did from notes n join cards c on c.nid = n.id`)
		sort.Strings(out)
		return out
	}
	first, second := ids(), ids()
	if strings.Join(first, "|") != strings.Join(second, "|") {
		t.Errorf("guid, note, card and deck ids differ between two exports:\n%v\n%v", first, second)
	}
}

// BenchmarkWriteAPKG writes packages of 10,000 and 100,000 notes.
func BenchmarkWriteAPKG(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		d := bigDeck(n)
		b.Run(fmt.Sprintf("notes=%d", n), func(b *testing.B) {
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(&buf, APKG, d); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/float64(n), "bytes/note")
		})
	}
}

func TestDeflateFile(t *testing.T) {
	tests := []struct {
		name string
		size int
	}{
		{"empty", 0},
		{"small", 1000},
		{"one chunk exactly", deflateChunk},
		{"several rounds of chunks", 5*deflateChunk + 12345},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := make([]byte, tt.size)
			for i := range data {
				// Compressible but not trivially: a slow pattern with noise.
				data[i] = byte(i/7) ^ byte(i*i>>11)
			}
			path := filepath.Join(t.TempDir(), "data")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			out, crc, size, err := deflateFile(path)
			if err != nil {
				t.Fatalf("deflateFile = %v", err)
			}
			if size != int64(len(data)) || crc != crc32.ChecksumIEEE(data) {
				t.Errorf("deflateFile size, crc = %d, %x, want %d, %x", size, crc, len(data), crc32.ChecksumIEEE(data))
			}
			got, err := io.ReadAll(flate.NewReader(bytes.NewReader(out)))
			if err != nil {
				t.Fatalf("inflate = %v", err)
			}
			if !bytes.Equal(got, data) {
				t.Errorf("inflate(deflateFile) gives %d bytes differing from the %d written", len(got), len(data))
			}
		})
	}
}

func TestIDSetTake(t *testing.T) {
	s := newIDSet(4)
	first, second, other := s.take(42), s.take(42), s.take(7)
	if first != idBase+42 || second != idBase+43 || other != idBase+7 {
		t.Errorf("take(42), take(42), take(7) = %d, %d, %d, want %d, %d, %d",
			first, second, other, idBase+42, idBase+43, idBase+7)
	}
	if got := newIDSet(1).take(uint64(idRange) + 5); got != idBase+5 {
		t.Errorf("take(idRange+5) = %d, want %d", got, idBase+5)
	}
}
