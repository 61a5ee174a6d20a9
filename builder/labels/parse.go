package labels

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// parseAll reads every data file into a table keyed by its language tag,
// the file's name without ".txt".
func parseAll() (map[string]*table, error) {
	files, err := fs.Glob(data, "data/*.txt")
	if err != nil {
		return nil, err
	}
	tables := map[string]*table{}
	for _, f := range files {
		b, err := data.ReadFile(f)
		if err != nil {
			return nil, err
		}
		lang := strings.TrimSuffix(path.Base(f), ".txt")
		t, err := parse(lang, string(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		tables[lang] = t
	}
	if tables[English] == nil {
		return nil, fmt.Errorf("no data/%s.txt", English)
	}
	return tables, nil
}

// parse reads one data file. Each line is blank, a comment starting with
// "#", or "name = text". Names are lower-case letters, digits, dots and
// hyphens; the text is trimmed of the spaces around it and may be empty
// only when written as "name =". A name may appear once.
func parse(lang, src string) (*table, error) {
	t := &table{lang: lang, texts: map[string]string{}}
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		name, text, ok := strings.Cut(trimmed, "=")
		name, text = strings.TrimSpace(name), strings.TrimSpace(text)
		if !ok || !validName(name) {
			return nil, fmt.Errorf("line %d: want \"name = text\", have %q", i+1, line)
		}
		if _, dup := t.texts[name]; dup {
			return nil, fmt.Errorf("line %d: %s is given twice", i+1, name)
		}
		t.texts[name] = text
		t.names = append(t.names, name)
	}
	return t, nil
}

// validName reports whether s is a well-formed text name.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i]) {
			return false
		}
	}
	return true
}

// isNameByte reports whether c may appear in a name: a lower-case ASCII
// letter, a digit, a dot or a hyphen.
func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
}
