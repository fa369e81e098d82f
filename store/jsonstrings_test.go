package store

import (
	"encoding/json"
	"reflect"
	"testing"
)

// jsonSeeds are columns as gorm's serializer writes them, and some it
// never writes.
var jsonSeeds = []string{
	`[]`, `["Lisbon"]`, `["Lisbon","Porto","a b"]`, `["\u003cb\u003e"]`, `["say \"hi\""]`, `["back\\slash"]`,
	`["é","日本"]`, "[\"\xff\"]", `[ "spaced" ]`, `["a",]`, `["a""b"]`, `["unterminated]`, `[1,2]`, `{}`, `"x"`,
	`[""]`, `["",""]`, "[\"tab\there\"]", `["a"]x`,
}

func TestJSONStrings(t *testing.T) {
	for _, in := range jsonSeeds {
		t.Run(in, func(t *testing.T) { checkJSONStrings(t, []byte(in)) })
	}
}

func FuzzJSONStrings(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(checkJSONStrings)
}

// checkJSONStrings checks that jsonStrings decodes b as json.Unmarshal
// does, and fails where it fails.
func checkJSONStrings(t *testing.T, b []byte) {
	t.Helper()
	got, err := jsonStrings(b)
	if len(b) == 0 || string(b) == "null" {
		if got != nil || err != nil {
			t.Errorf("jsonStrings(%q) = %q, %v; want nil, nil", b, got, err)
		}
		return
	}
	var want []string
	werr := json.Unmarshal(b, &want)
	if (err != nil) != (werr != nil) || (werr == nil && !reflect.DeepEqual(got, want)) {
		t.Errorf("jsonStrings(%q) = %#v, %v; want %#v, %v", b, got, err, want, werr)
	}
}
