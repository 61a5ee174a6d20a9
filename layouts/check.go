package layouts

import (
	"fmt"
	"slices"
	"strings"
)

// fieldError is a value out of range, with the key (dotted for nested
// keys) it was given under, so that the error can point at its line.
type fieldError struct {
	key string
	msg string
}

func (e fieldError) Error() string { return e.msg }

// bad makes a fieldError for key.
func bad(key, format string, args ...any) error {
	return fieldError{key, key + ": " + fmt.Sprintf(format, args...)}
}

// inRange checks a length or size against its limits.
func inRange(key string, v, lo, hi float64, unit string) error {
	if v < lo || v > hi {
		return bad(key, "%g %s is out of range (%g to %g)", v, unit, lo, hi)
	}
	return nil
}

// check reports the first value of l that no page could be set with.
func (l *Layout) check() error {
	checks := []error{
		inRange("page_width", l.PageWidth, 50, 2000, "mm"),
		inRange("page_height", l.PageHeight, 50, 2000, "mm"),
		inRange("margin_top", l.MarginTop, 5, l.PageHeight/4, "mm"),
		inRange("margin_bottom", l.MarginBottom, 5, l.PageHeight/4, "mm"),
		inRange("margin_inner", l.MarginInner, 5, l.PageWidth/4, "mm"),
		inRange("margin_outer", l.MarginOuter, 5, l.PageWidth/4, "mm"),
		inRange("body_size", l.BodySize, 5, 40, "pt"),
		inRange("leading", l.Leading, 1, 3, "times the type size"),
		inRange("code_size", l.CodeSize, 4, 40, "pt"),
		inRange("small_size", l.SmallSize, 4, 40, "pt"),
		inRange("table_size", l.TableSize, 4, 40, "pt"),
		inRange("title_size", l.TitleSize, 5, 96, "pt"),
		checkFamily("fonts.body", l.Fonts.Body),
		checkFamily("fonts.headings", l.Fonts.Headings),
		checkFamily("fonts.code", l.Fonts.Code),
		oneOf("header", string(l.Header), HeaderTitleSection, HeaderTitle, HeaderNone),
		oneOf("footer", string(l.Footer), FooterPageOfPages, FooterPage, FooterNone),
		checkPaper(l.Sheet),
	}
	if len(l.HeadingSize) == 0 {
		checks = append(checks, bad("heading_size", "needs at least one size, for top-level sections"))
	}
	for i, s := range l.HeadingSize {
		checks = append(checks, inRange(fmt.Sprintf("heading_size[%d]", i+1), s, 5, 96, "pt"))
	}
	for _, err := range checks {
		if err != nil {
			if fe, ok := err.(fieldError); ok {
				fe.key, _, _ = strings.Cut(fe.key, "[") // a list's line is its key's
				return fe
			}
			return err
		}
	}
	return nil
}

// checkFamily checks the family a part of the page is set in.
func checkFamily(key, family string) error {
	if !slices.Contains(Families, family) {
		return bad(key, "%q is not a font family (%s)", family, strings.Join(Families, ", "))
	}
	return nil
}

// oneOf checks a value against the words it may be.
func oneOf[T ~string](key, v string, words ...T) error {
	names := make([]string, len(words))
	for i, w := range words {
		if string(w) == v {
			return nil
		}
		names[i] = string(w)
	}
	return bad(key, "%q is not one of %s", v, strings.Join(names, ", "))
}

// checkPaper checks the sheet's paper name.
func checkPaper(p Paper) error {
	if _, ok := papers[p]; ok {
		return nil
	}
	names := make([]string, 0, len(papers))
	for n := range papers {
		names = append(names, string(n))
	}
	slices.Sort(names)
	return bad("sheet", "%q is not a paper size (%s)", p, strings.Join(names, ", "))
}
