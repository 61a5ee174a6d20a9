package epub

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"studyguide/builder/guide"
)

func TestZZDump(t *testing.T) {
	dir := os.Getenv("EPUB_DUMP")
	if dir == "" {
		t.Skip()
	}
	os.MkdirAll(dir, 0o755)
	eg := enrichedGuide(t, 1000)
	eg.Meta.Modified = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	eg2 := enrichedGuide(t, 7)
	eg2.Meta.Lang = "de"
	for name, g := range map[string]any{"enriched": eg, "enriched7": eg2, "big": bigGuide(300), "sample": sampleGuide()} {
		var buf bytes.Buffer
		if err := Write(&buf, g.(*guide.Guide), Options{}); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name+".epub"), buf.Bytes(), 0o644)
	}
}
