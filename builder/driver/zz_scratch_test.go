package driver

import (
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"studyguide/builder/diag"
	"studyguide/builder/enrich"
	"studyguide/builder/epub"
	"studyguide/builder/guide"
	"studyguide/builder/palace"
	"studyguide/builder/pdf"
	"studyguide/layouts"
)

func TestScratchStages(t *testing.T) {
	path := os.Getenv("SCRATCH_NOTE")
	if path == "" {
		t.Skip()
	}
	var l diag.List
	st := time.Now()
	step := func(name string) { fmt.Printf("%-10s %v\n", name, time.Since(st)); st = time.Now() }
	g, err := readNote(path, &l)
	if err != nil {
		t.Fatal(err)
	}
	step("read")
	enrich.Extract(g); step("extract")
	enrich.Summaries(g); step("summaries")
	enrich.Glance(g); step("glance")
	palace.Build(g, palace.Options{}); step("palace")
	enrich.Glossary(g); step("glossary")
	if os.Getenv("SCRATCH_SKIP_EPUB") == "" {
		if err := epub.Write(io.Discard, g, epub.Options{}); err != nil { t.Error(err) }
		step("epub")
	}
	lay, _ := layouts.Load("a4")
	if err := pdf.Write(io.Discard, g, pdf.Options{Layout: lay, Warn: func(guide.Pos, string) {}}); err != nil { t.Error(err) }
	step("pdf")
}
