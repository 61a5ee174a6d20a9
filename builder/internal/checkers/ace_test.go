package checkers

import (
	"strings"
	"testing"
)

// TestReadAceReport reads a report of Ace's shape: its outcome, each
// violation with its rule, file, impact and elements, the conformance the
// book claims and the metadata Ace missed.
func TestReadAceReport(t *testing.T) {
	r, err := readAceReport("testdata/ace-report.json")
	if err != nil {
		t.Fatal(err)
	}
	if r.Outcome != "fail" || len(r.Violations) != 1 {
		t.Fatalf("outcome %q with %d violations, want fail with 1", r.Outcome, len(r.Violations))
	}
	v := r.Violations[0]
	if v.Rule != "landmark-unique" || v.File != "section-5.xhtml" || v.Impact != "moderate" || len(v.Where) != 2 {
		t.Errorf("violation %+v", v)
	}
	if s := v.String(); !strings.HasPrefix(s, "landmark-unique in section-5.xhtml (moderate): The landmark") {
		t.Errorf("violation written as %q", s)
	}
	if r.ConformsTo != "EPUB Accessibility 1.1 - WCAG 2.2 Level AA" {
		t.Errorf("conforms to %q", r.ConformsTo)
	}
	if len(r.Missing) != 1 || r.Missing[0] != "a11y:certifiedBy" {
		t.Errorf("missing %v", r.Missing)
	}
	if _, err := readAceReport("testdata/no-such-report.json"); err == nil {
		t.Error("a missing report read without an error")
	}
}
