package markdown

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/labels"
)

// metaKeys lists the front matter keys the reader understands, besides
// the switches of Options.
var metaKeys = []string{
	"title", "subtitle", "author", "authors", "lang", "date",
	"description", "identifier",
}

// field is one front matter key with where it is written, so that a
// problem with its value can be reported there, and the keys that are
// switches.
type field struct {
	file     *diag.File
	key      string
	off      int
	switches []string
}

// apply stores the value v of the field's key in meta. A value of the
// wrong type is an error; an unknown key is a warning. A key written with
// no value counts as not given.
func (f field) apply(meta *guide.Meta, v any) {
	if v == nil {
		return
	}
	switch f.key {
	case "title":
		meta.Title = f.title(v)
	case "subtitle":
		meta.Subtitle = f.title(v)
	case "description":
		meta.Description, _ = f.text(v)
	case "identifier":
		meta.Identifier, _ = f.text(v)
	case "author", "authors":
		meta.Authors = append(meta.Authors, f.names(v)...)
		if len(meta.Authors) > maxAuthors {
			f.file.Warnf(f.off, "front matter key %q names %d authors; only the first %d are kept", f.key, len(meta.Authors), maxAuthors)
			meta.Authors = meta.Authors[:maxAuthors]
		}
	case "lang":
		if s, ok := f.text(v); ok && s != "" {
			if !isLanguageTag(s) {
				f.file.Errorf(f.off, "front matter key %q: %q is not a language tag such as en or pt-BR", f.key, s)
				return
			}
			meta.Lang, meta.LangGiven = s, true
			if !labels.Has(s) {
				f.file.Warnf(f.off, "front matter key %q: there are no labels in %q yet; the words the guide adds (contents, tables, glossary, palace) are in English", f.key, s)
			}
		}
	case "date":
		meta.Date = f.date(v)
	default:
		if slices.Contains(f.switches, f.key) {
			if on := f.flag(v); on != nil {
				if meta.Switches == nil {
					meta.Switches = map[string]bool{}
				}
				meta.Switches[f.key] = *on
			}
			return
		}
		lower := strings.ToLower(f.key)
		for _, k := range slices.Concat(metaKeys, f.switches) {
			if k == lower {
				f.file.Warnf(f.off, "unknown front matter key %q is ignored; did you mean %q?", f.key, k)
				return
			}
		}
		f.file.Warnf(f.off, "unknown front matter key %q is ignored", f.key)
	}
}

// text returns v as text. Numbers are taken as written, since "title: 1984"
// is a fair title; other kinds are an error.
func (f field) text(v any) (string, bool) {
	s, ok := scalarText(v)
	if !ok {
		f.file.Errorf(f.off, "front matter key %q must be text, not %s", f.key, kind(v))
		return "", false
	}
	return strings.Join(strings.Fields(cleanText(s)), " "), true
}

// title returns v as a title, cut to maxTitleRunes characters with a
// warning when it is longer.
func (f field) title(v any) string {
	s, _ := f.text(v)
	s, long := shortTitle(s)
	if long > 0 {
		f.file.Warnf(f.off, "front matter key %q is %d characters long; its first words are kept", f.key, long)
	}
	return s
}

// maxAuthors is the most authors a guide names.
const maxAuthors = 20

// scalarText formats a string or a number as text.
func scalarText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int:
		return strconv.Itoa(v), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case uint64:
		return strconv.FormatUint(v, 10), true
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return "", false
		}
		return strconv.FormatFloat(v, 'f', -1, 64), true
	}
	return "", false
}

// names returns the author names in v: one name, or a list of names.
func (f field) names(v any) []string {
	if s, ok := scalarText(v); ok {
		if s = strings.Join(strings.Fields(cleanText(s)), " "); s != "" {
			return []string{s}
		}
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		f.file.Errorf(f.off, "front matter key %q must be a name or a list of names, not %s", f.key, kind(v))
		return nil
	}
	var names []string
	for _, item := range list {
		s, ok := scalarText(item)
		if !ok {
			f.file.Errorf(f.off, "front matter key %q must be a list of names, but one item is %s", f.key, kind(item))
			return nil
		}
		if s = strings.Join(strings.Fields(cleanText(s)), " "); s != "" {
			names = append(names, s)
		}
	}
	return names
}

// dateLayouts are the accepted ways to write a date as text.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
}

// date returns v as a time. A date without a zone is taken as UTC.
func (f field) date(v any) time.Time {
	switch v := v.(type) {
	case time.Time:
		if strings.HasSuffix(v.Location().String(), "-local") {
			// TOML local dates and times carry a placeholder zone.
			return time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), v.Nanosecond(), time.UTC)
		}
		return v
	case string:
		s := strings.TrimSpace(v)
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t
			}
		}
		f.file.Errorf(f.off, "front matter key %q: %q is not a date; write it as YYYY-MM-DD or a full timestamp", f.key, s)
	default:
		f.file.Errorf(f.off, "front matter key %q must be a date such as 2024-09-30, not %s", f.key, kind(v))
	}
	return time.Time{}
}

// flag returns v as a switch.
func (f field) flag(v any) *bool {
	b, ok := v.(bool)
	if !ok {
		f.file.Errorf(f.off, "front matter key %q must be true or false, not %s", f.key, kind(v))
		return nil
	}
	return &b
}

// kind names the kind of a decoded front matter value for a message.
func kind(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", v)
	case bool:
		return "true or false"
	case int, int64, uint64, float64:
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "a table of keys"
	case time.Time:
		return "a date"
	}
	return fmt.Sprintf("a value of type %T", v)
}

// isLanguageTag reports whether s has the shape of a BCP 47 language tag:
// a primary subtag of two to eight letters followed by subtags of one to
// eight letters or digits, joined by hyphens.
func isLanguageTag(s string) bool {
	for i, part := range strings.Split(s, "-") {
		if len(part) < 1 || len(part) > 8 {
			return false
		}
		for _, c := range part {
			letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			digit := c >= '0' && c <= '9'
			if !letter && !(digit && i > 0) {
				return false
			}
		}
		if i == 0 && len(part) < 2 {
			return false
		}
	}
	return true
}
