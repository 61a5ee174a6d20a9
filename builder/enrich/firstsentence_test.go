package enrich

import (
	"strings"
	"testing"

	"studyguide/builder/guide"
)

// TestFirstBlocksSentence checks that firstBlocksSentence finds the
// sentence firstLineSentence finds in the whole text of the blocks, for
// the blocks of every list item of notes of many kinds of blocks, from
// each block on.
func TestFirstBlocksSentence(t *testing.T) {
	note := "# Notes\n\n## Topic\n\n" +
		"1. **Lead**:\n   - In 1952 the **first actor** met. Then more.\n   - Second item.\n" +
		"2. **Empty lead**:\n\n   ```\n   code line\n   ```\n\n   > Quoted *words* here. More.\n" +
		"3. **Nested**:\n   - \n   - Inner:\n     - Deep sentence one. Deep two.\n" +
		"4. **Table**:\n\n   | A | B |\n   |---|---|\n   | cell one | cell two |\n\n   After the table.\n" +
		"5. **Rule**:\n\n   ---\n\n   ::: {lang=fr}\n   Une phrase. Deux.\n   :::\n"
	g, _ := readNote(t, "blocks.md", []byte(note))
	items := 0
	guide.Inspect(g, func(n guide.Node) bool {
		it, ok := n.(*guide.ListItem)
		if !ok {
			return true
		}
		items++
		for from := range len(it.Blocks) + 1 {
			blocks := it.Blocks[from:]
			want := firstLineSentence(guide.BlocksText(blocks))
			got, text := firstBlocksSentence(blocks)
			if got != want {
				t.Errorf("item %d from block %d: firstBlocksSentence = %q; want %q", items, from, got, want)
			}
			if want != "" && !strings.Contains(text, got) {
				t.Errorf("item %d from block %d: text %q does not hold the sentence %q", items, from, text, got)
			}
		}
		return true
	})
	if items < 5 {
		t.Fatalf("read %d list items; want at least 5", items)
	}
}
