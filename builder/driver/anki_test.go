package driver

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestAnkiDeck builds the seed's Anki deck alone: --anki writes NAME.apkg,
// a zip with the collection and the media map, the same bytes on a
// rebuild and other bytes for another build date.
func TestAnkiDeck(t *testing.T) {
	if _, err := os.Stat(seedPath); err != nil {
		t.Skip("the seed notes are not beside the checkout")
	}
	build := func(date *time.Time) []byte {
		t.Helper()
		dir := t.TempDir()
		res, err := Build(context.Background(), Options{Paths: []string{seedPath}, OutDir: dir, Outputs: []string{"anki"}, SourceDate: date})
		if err != nil {
			t.Fatal(err)
		}
		want := filepath.Join(dir, "nato-peacekeeping.apkg")
		if !slices.Equal(res.Outputs, []string{want}) {
			t.Fatalf("outputs %q; want %q", res.Outputs, want)
		}
		for _, d := range res.Diagnostics {
			t.Errorf("diagnostic: %v", d)
		}
		b, err := os.ReadFile(want)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := build(nil)
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatalf("the deck is no zip: %v", err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if want := []string{"collection.anki2", "media"}; !slices.Equal(names, want) {
		t.Errorf("the deck holds %q; want %q", names, want)
	}
	if !bytes.Equal(first, build(nil)) {
		t.Error("two builds of the seed gave different decks")
	}
	date := time.Date(2030, 5, 1, 0, 0, 0, 0, time.UTC)
	if bytes.Equal(first, build(&date)) {
		t.Error("SOURCE_DATE_EPOCH left the deck as it was")
	}
}
