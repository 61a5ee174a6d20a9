package palace

import (
	"os"
	"testing"

	"studyguide/builder/diag"
	"studyguide/builder/enrich"
	"studyguide/builder/epub"
	"studyguide/builder/guide"
	"studyguide/builder/pdf"
	"studyguide/layouts"
)

func TestZZE2E(t *testing.T) {
	dir := os.Getenv("E2E_DIR")
	if dir == "" {
		t.Skip()
	}
	for _, tc := range []struct{ name, text string }{
		{"seed", func() string { b, _ := os.ReadFile(seedNote); return string(b) }()},
		{"rivers", lociNote(20)},
		{"space", func() string { b, _ := os.ReadFile("../../source/space-race.md"); return string(b) }()},
	} {
		var list diag.List
		g := read(t, tc.name+".md", tc.text, &list)
		enrich.Extract(g)
		enrich.Summaries(g)
		enrich.Glance(g)
		Build(g, Options{})
		enrich.Glossary(g)
		f, _ := os.Create(dir + "/" + tc.name + ".epub")
		if err := epub.Write(f, g, epub.Options{}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		for _, lay := range []string{"a5", "a4"} {
			l, _ := layouts.Load(lay)
			f, _ = os.Create(dir + "/" + tc.name + "-" + lay + ".pdf")
			if err := pdf.Write(f, g, pdf.Options{Layout: l, Warn: func(p guide.Pos, m string) { t.Log(lay, m) }}); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		for _, d := range list {
			t.Log(d)
		}
	}
}
