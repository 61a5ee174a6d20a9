package enrich

import (
	"testing"

	"studyguide/builder/guide"
)

func TestIDSet(t *testing.T) {
	s := newIDSet()
	made := guide.QuestionID(guide.Cloze, []string{"Topic"}, "In 1952 they met.", "1952")
	other := guide.QuestionID(guide.Cloze, []string{"Topic"}, "In 1953 they met.", "1953")
	for _, id := range []string{made, "q-xyz", "q-00000000000A"} {
		if s.has(id) {
			t.Errorf("empty set has %q", id)
		}
		s.add(id)
		if !s.has(id) {
			t.Errorf("set lacks %q after add", id)
		}
	}
	if _, ok := idNumber(made); !ok {
		t.Errorf("idNumber(%q) is false; want the id's number", made)
	}
	if s.has(other) || s.has("q-xy") || s.has("q-00000000000a") {
		t.Error("set has an id never added")
	}
	s.clear()
	if s.has(made) || s.has("q-xyz") {
		t.Error("set has an id after clear")
	}
}
