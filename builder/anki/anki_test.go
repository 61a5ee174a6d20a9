package anki

import (
	"archive/zip"
	"bytes"
	"crypto/sha1"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"studyguide/builder/aids"
	"studyguide/builder/diag"
	"studyguide/builder/guide"
	"studyguide/builder/markdown"
)

const seedPath = "../../../shared/seed/nato-peacekeeping.md"

// readGuide reads a note and adds every study aid, as a build does.
func readGuide(t *testing.T, name string, text []byte) *guide.Guide {
	t.Helper()
	var diags diag.List
	g, err := markdown.Read(diag.NewFile(name, text, &diags), markdown.Options{Switches: aids.Keys()})
	if err != nil {
		t.Fatal(err)
	}
	aids.Run(g, nil)
	return g
}

// seed returns the text of the seed note.
func seed(t *testing.T) []byte {
	t.Helper()
	text, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("the seed note is not here: %v", err)
	}
	return text
}

// writeDeck writes the deck of g and returns the package.
func writeDeck(t *testing.T, g *guide.Guide) []byte {
	t.Helper()
	var b bytes.Buffer
	var warnings []string
	if err := Write(&b, g, Options{Warn: func(_ guide.Pos, msg string) { warnings = append(warnings, msg) }}); err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 && g.Study != nil && len(g.Study.Questions) > 0 {
		t.Errorf("warnings for a guide with questions: %q", warnings)
	}
	return b.Bytes()
}

// apkg is a package as Anki opens it: its entries and its collection.
type apkg struct {
	entries []string
	files   map[string][]byte
	path    string // the collection, unpacked
	db      *sql.DB
}

// openPackage unpacks a package and opens its collection with the SQLite
// library the writer uses, from a file, as Anki opens it.
func openPackage(t *testing.T, data []byte) *apkg {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the package is no zip: %v", err)
	}
	p := &apkg{files: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		p.entries = append(p.entries, f.Name)
		p.files[f.Name] = b
	}
	col, ok := p.files["collection.anki2"]
	if !ok {
		t.Fatalf("the package has no collection.anki2: %q", p.entries)
	}
	p.path = filepath.Join(t.TempDir(), "collection.anki2")
	if err := os.WriteFile(p.path, col, 0o644); err != nil {
		t.Fatal(err)
	}
	p.db, err = sql.Open("sqlite", "file:"+p.path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.db.Close() })
	return p
}

// query returns the rows of a query, each as its columns.
func (p *apkg) query(t *testing.T, q string, args ...any) [][]any {
	t.Helper()
	rows, err := p.db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Anki's schema 11 (rslib/src/storage/schema11.sql), written out here on
// its own so that the writer's DDL is checked against it rather than
// against itself: each table's columns as "name type notnull pk", and
// each index's table and columns.
var (
	wantTables = map[string][]string{
		"col": {"id integer 0 1", "crt integer 1 0", "mod integer 1 0", "scm integer 1 0", "ver integer 1 0",
			"dty integer 1 0", "usn integer 1 0", "ls integer 1 0", "conf text 1 0", "models text 1 0",
			"decks text 1 0", "dconf text 1 0", "tags text 1 0"},
		"notes": {"id integer 0 1", "guid text 1 0", "mid integer 1 0", "mod integer 1 0", "usn integer 1 0",
			"tags text 1 0", "flds text 1 0", "sfld integer 1 0", "csum integer 1 0", "flags integer 1 0",
			"data text 1 0"},
		"cards": {"id integer 0 1", "nid integer 1 0", "did integer 1 0", "ord integer 1 0", "mod integer 1 0",
			"usn integer 1 0", "type integer 1 0", "queue integer 1 0", "due integer 1 0", "ivl integer 1 0",
			"factor integer 1 0", "reps integer 1 0", "lapses integer 1 0", "left integer 1 0",
			"odue integer 1 0", "odid integer 1 0", "flags integer 1 0", "data text 1 0"},
		"revlog": {"id integer 0 1", "cid integer 1 0", "usn integer 1 0", "ease integer 1 0", "ivl integer 1 0",
			"lastIvl integer 1 0", "factor integer 1 0", "time integer 1 0", "type integer 1 0"},
		"graves": {"usn integer 1 0", "oid integer 1 0", "type integer 1 0"},
	}
	wantIndexes = map[string]string{
		"ix_notes_usn":   "notes(usn)",
		"ix_cards_usn":   "cards(usn)",
		"ix_revlog_usn":  "revlog(usn)",
		"ix_cards_nid":   "cards(nid)",
		"ix_cards_sched": "cards(did,queue,due)",
		"ix_revlog_cid":  "revlog(cid)",
		"ix_notes_csum":  "notes(csum)",
	}
)

func TestPackageEntries(t *testing.T) {
	p := openPackage(t, writeDeck(t, readGuide(t, "nato.md", seed(t))))
	if want := []string{"collection.anki2", "media"}; !slices.Equal(p.entries, want) {
		t.Errorf("entries %q; want %q (no meta entry, which marks the newer format)", p.entries, want)
	}
	if got := string(p.files["media"]); got != "{}" {
		t.Errorf("media = %q; want {}", got)
	}
	if !bytes.HasPrefix(p.files["collection.anki2"], []byte("SQLite format 3\x00")) {
		t.Error("collection.anki2 is no SQLite database")
	}
	// Bytes 18 and 19 are 1 in a database in rollback-journal mode, 2
	// in WAL mode, which needs a -wal file beside it.
	if h := p.files["collection.anki2"]; h[18] != 1 || h[19] != 1 {
		t.Errorf("file format bytes %d %d; want 1 1 (no WAL)", h[18], h[19])
	}
}

// TestSchema11 checks every table and index of the collection against
// Anki's schema 11, and that there is nothing else.
func TestSchema11(t *testing.T) {
	p := openPackage(t, writeDeck(t, readGuide(t, "nato.md", seed(t))))
	if r := p.query(t, "pragma integrity_check"); len(r) != 1 || fmt.Sprint(r[0][0]) != "ok" {
		t.Fatalf("integrity_check: %v", r)
	}
	tables, indexes := map[string]bool{}, map[string]bool{}
	for _, r := range p.query(t, "select type, name, tbl_name from sqlite_master") {
		typ, name := fmt.Sprint(r[0]), fmt.Sprint(r[1])
		switch typ {
		case "table":
			tables[name] = true
		case "index":
			indexes[name] = true
		default:
			t.Errorf("schema object %s %s, which Anki's schema does not have", typ, name)
		}
	}
	for name, want := range wantTables {
		if !tables[name] {
			t.Errorf("no table %s", name)
			continue
		}
		var got []string
		for _, c := range p.query(t, "select name, lower(type), \"notnull\", pk from pragma_table_info(?) order by cid", name) {
			got = append(got, fmt.Sprintf("%s %s %d %d", c[0], c[1], c[2], c[3]))
		}
		if !slices.Equal(got, want) {
			t.Errorf("table %s columns:\n got %q\nwant %q", name, got, want)
		}
		delete(tables, name)
	}
	for name := range tables {
		t.Errorf("table %s, which Anki's schema does not have", name)
	}
	for name, want := range wantIndexes {
		if !indexes[name] {
			t.Errorf("no index %s", name)
			continue
		}
		tbl := p.query(t, "select tbl_name from sqlite_master where name = ?", name)[0][0]
		var cols []string
		for _, c := range p.query(t, "select name from pragma_index_info(?) order by seqno", name) {
			cols = append(cols, fmt.Sprint(c[0]))
		}
		if got := fmt.Sprintf("%s(%s)", tbl, strings.Join(cols, ",")); got != want {
			t.Errorf("index %s on %s; want %s", name, got, want)
		}
		if u := p.query(t, "select \"unique\" from pragma_index_list(?) where name = ?", fmt.Sprint(tbl), name); len(u) != 1 || u[0][0] != int64(0) {
			t.Errorf("index %s is unique; Anki's is not", name)
		}
		delete(indexes, name)
	}
	for name := range indexes {
		t.Errorf("index %s, which Anki's schema does not have", name)
	}
	if r := p.query(t, "pragma journal_mode"); fmt.Sprint(r[0][0]) == "wal" {
		t.Error("the collection is in WAL mode")
	}
}

// collection is what the col row holds.
type collection struct {
	id, crt, mod, scm, ver, dty, usn, ls int64
	conf, tags                           string
	models                               map[string]map[string]any
	decks                                map[string]map[string]any
	dconf                                map[string]map[string]any
}

func readCollection(t *testing.T, p *apkg) collection {
	t.Helper()
	rows := p.query(t, "select id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags from col")
	if len(rows) != 1 {
		t.Fatalf("col has %d rows; want 1", len(rows))
	}
	r := rows[0]
	c := collection{id: r[0].(int64), crt: r[1].(int64), mod: r[2].(int64), scm: r[3].(int64), ver: r[4].(int64),
		dty: r[5].(int64), usn: r[6].(int64), ls: r[7].(int64), conf: r[8].(string), tags: r[12].(string)}
	for i, dst := range []*map[string]map[string]any{&c.models, &c.decks, &c.dconf} {
		if err := json.Unmarshal([]byte(r[9+i].(string)), dst); err != nil {
			t.Fatalf("col column %d: %v", 9+i, err)
		}
	}
	return c
}

// requireKeys reports the keys of want that obj lacks, and those whose
// value has another JSON type than the one named ("number", "string",
// "bool", "array", "object", "number|null").
func requireKeys(t *testing.T, what string, obj map[string]any, want map[string]string) {
	t.Helper()
	for k, typ := range want {
		v, ok := obj[k]
		if !ok {
			t.Errorf("%s lacks %q", what, k)
			continue
		}
		got := "null"
		switch v.(type) {
		case float64:
			got = "number"
		case string:
			got = "string"
		case bool:
			got = "bool"
		case []any:
			got = "array"
		case map[string]any:
			got = "object"
		}
		if !slices.Contains(strings.Split(typ, "|"), got) {
			t.Errorf("%s: %q is a %s; want %s", what, k, got, typ)
		}
	}
}

// TestCollectionRow checks the col row and its note types, decks and
// deck options against what Anki's schema-11 reader requires
// (notetype/schema11.rs, decks/schema11.rs, deckconfig/schema11.rs).
func TestCollectionRow(t *testing.T) {
	g := readGuide(t, "nato.md", seed(t))
	c := readCollection(t, openPackage(t, writeDeck(t, g)))
	if c.id != 1 || c.ver != 11 || c.dty != 0 || c.usn != 0 || c.ls != 0 {
		t.Errorf("col id %d ver %d dty %d usn %d ls %d; want 1 11 0 0 0", c.id, c.ver, c.dty, c.usn, c.ls)
	}
	fixed := guide.FixedDate()
	if c.mod != fixed.UnixMilli() || c.scm != c.mod || c.crt != fixed.Unix() {
		t.Errorf("col crt %d mod %d scm %d; want seconds %d and milliseconds %d", c.crt, c.mod, c.scm, fixed.Unix(), fixed.UnixMilli())
	}
	if c.conf != "{}" || c.tags != "{}" {
		t.Errorf("conf %q tags %q; want {} {}", c.conf, c.tags)
	}

	if len(c.models) != 2 {
		t.Fatalf("%d note types; want 2", len(c.models))
	}
	names := map[string]bool{}
	kinds := map[float64]bool{}
	for id, m := range c.models {
		what := "note type " + id
		requireKeys(t, what, m, map[string]string{
			"id": "number", "name": "string", "type": "number", "mod": "number", "usn": "number",
			"sortf": "number", "did": "number|null", "tmpls": "array", "flds": "array", "css": "string",
		})
		if fmt.Sprint(int64(m["id"].(float64))) != id {
			t.Errorf("%s has id %v", what, m["id"])
		}
		names[m["name"].(string)] = true
		kinds[m["type"].(float64)] = true
		for i, f := range m["flds"].([]any) {
			fm := f.(map[string]any)
			requireKeys(t, what+" field", fm, map[string]string{
				"name": "string", "ord": "number", "sticky": "bool", "rtl": "bool", "font": "string", "size": "number", "id": "number",
			})
			if fm["ord"] != float64(i) {
				t.Errorf("%s field %v has ord %v; want %d", what, fm["name"], fm["ord"], i)
			}
		}
		for i, tm := range m["tmpls"].([]any) {
			tmm := tm.(map[string]any)
			requireKeys(t, what+" template", tmm, map[string]string{
				"name": "string", "ord": "number", "qfmt": "string", "afmt": "string", "id": "number",
			})
			if tmm["ord"] != float64(i) {
				t.Errorf("%s template has ord %v; want %d", what, tmm["ord"], i)
			}
		}
		fields := fieldNames(m)
		switch m["type"] {
		case float64(0):
			if !slices.Equal(fields, []string{"Front", "Back", "Source"}) {
				t.Errorf("basic note type fields %q", fields)
			}
			if q := m["tmpls"].([]any)[0].(map[string]any)["qfmt"].(string); !strings.Contains(q, "{{Front}}") {
				t.Errorf("basic front template %q", q)
			}
		case float64(1):
			if !slices.Equal(fields, []string{"Text", "Back Extra"}) {
				t.Errorf("cloze note type fields %q", fields)
			}
			tmpl := m["tmpls"].([]any)[0].(map[string]any)
			if !strings.Contains(tmpl["qfmt"].(string), "{{cloze:Text}}") || !strings.Contains(tmpl["afmt"].(string), "{{cloze:Text}}") {
				t.Errorf("cloze templates %q %q", tmpl["qfmt"], tmpl["afmt"])
			}
		}
	}
	if len(names) != 2 || !kinds[0] || !kinds[1] {
		t.Errorf("note types %v of kinds %v; want two names, a standard and a cloze type", names, kinds)
	}
	for name := range names {
		if name == "Basic" || name == "Cloze" || !strings.Contains(name, "studyguide") {
			t.Errorf("note type name %q is not our own", name)
		}
	}

	deckNames := map[string]bool{}
	for id, d := range c.decks {
		what := "deck " + id
		requireKeys(t, what, d, map[string]string{
			"id": "number", "name": "string", "usn": "number", "lrnToday": "array", "revToday": "array",
			"newToday": "array", "timeToday": "array", "collapsed": "bool", "dyn": "number", "conf": "number", "mod": "number",
		})
		if fmt.Sprint(int64(d["id"].(float64))) != id {
			t.Errorf("%s has id %v", what, d["id"])
		}
		if d["dyn"] != float64(0) {
			t.Errorf("%s is filtered", what)
		}
		if _, ok := c.dconf[fmt.Sprint(d["conf"])]; !ok {
			t.Errorf("%s uses options %v, which dconf lacks", what, d["conf"])
		}
		deckNames[d["name"].(string)] = true
	}
	if _, ok := c.decks["1"]; !ok || !deckNames["Default"] {
		t.Error("the Default deck (id 1) is missing")
	}
	if !deckNames[g.Meta.Title] || len(c.decks) != 2 {
		t.Errorf("decks %v; want Default and %q", deckNames, g.Meta.Title)
	}
	for id, dc := range c.dconf {
		what := "deck options " + id
		requireKeys(t, what, dc, map[string]string{
			"id": "number", "mod": "number", "name": "string", "usn": "number", "maxTaken": "number",
			"autoplay": "bool", "timer": "number", "new": "object", "rev": "object", "lapse": "object",
		})
		requireKeys(t, what+" new", dc["new"].(map[string]any), map[string]string{
			"delays": "array", "initialFactor": "number", "ints": "array", "order": "number", "perDay": "number",
		})
		requireKeys(t, what+" rev", dc["rev"].(map[string]any), map[string]string{
			"ease4": "number", "ivlFct": "number", "maxIvl": "number", "perDay": "number",
		})
		requireKeys(t, what+" lapse", dc["lapse"].(map[string]any), map[string]string{
			"delays": "array", "leechAction": "number", "leechFails": "number", "minInt": "number", "mult": "number",
		})
	}
}

func fieldNames(model map[string]any) []string {
	var names []string
	for _, f := range model["flds"].([]any) {
		names = append(names, f.(map[string]any)["name"].(string))
	}
	return names
}

// clozeDeletion matches a deletion of Anki's cloze syntax.
var clozeDeletion = regexp.MustCompile(`\{\{c(\d+)::(.*?)\}\}`)

// TestNotesAndCards checks the notes and cards of the seed's deck: that
// every note points to a note type and has its fields, every card to a
// note and a deck, and that Anki's derived columns are right.
func TestNotesAndCards(t *testing.T) {
	g := readGuide(t, "nato.md", seed(t))
	p := openPackage(t, writeDeck(t, g))
	c := readCollection(t, p)
	notes := p.query(t, "select id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data from notes order by id")
	if len(notes) < 30 {
		t.Errorf("the seed's deck has %d notes; want at least 30", len(notes))
	}
	guids := map[string]bool{}
	noteIDs := map[int64]string{} // note id -> note type kind
	tagRe := regexp.MustCompile(`^ (\S+ )*$`)
	for _, n := range notes {
		id, guid, mid := n[0].(int64), n[1].(string), n[2].(int64)
		tags, flds := n[5].(string), n[6].(string)
		if guids[guid] {
			t.Errorf("guid %s repeats", guid)
		}
		guids[guid] = true
		m, ok := c.models[fmt.Sprint(mid)]
		if !ok {
			t.Errorf("note %d has note type %d, which col.models lacks", id, mid)
			continue
		}
		fields := strings.Split(flds, "\x1f")
		if len(fields) != len(m["flds"].([]any)) {
			t.Errorf("note %d has %d fields; its note type %d", id, len(fields), len(m["flds"].([]any)))
		}
		stripped := stripHTML(fields[int(m["sortf"].(float64))])
		if fmt.Sprint(n[7]) != stripped {
			t.Errorf("note %d sfld %q; want %q", id, n[7], stripped)
		}
		sum := sha1.Sum([]byte(stripHTML(fields[0])))
		if want := int64(binary.BigEndian.Uint32(sum[:4])); n[8].(int64) != want {
			t.Errorf("note %d csum %d; want %d", id, n[8], want)
		}
		if n[3].(int64) != guide.FixedDate().Unix() || n[4].(int64) != -1 || n[9].(int64) != 0 || n[10].(string) != "" {
			t.Errorf("note %d mod %v usn %v flags %v data %q", id, n[3], n[4], n[9], n[10])
		}
		if tags != "" && !tagRe.MatchString(tags) {
			t.Errorf("note %d tags %q: want a space before, between and after tags", id, tags)
		}
		if m["type"] == float64(1) {
			text := fields[0]
			dels := clozeDeletion.FindAllStringSubmatch(text, -1)
			if len(dels) == 0 {
				t.Errorf("cloze note %d has no deletion: %q", id, text)
			}
			for _, d := range dels {
				if d[1] != "1" {
					t.Errorf("cloze note %d has deletion c%s; every blank of a question is c1", id, d[1])
				}
				if parts := strings.Split(d[2], "::"); len(parts) > 2 || strings.Contains(d[2], "{{") {
					t.Errorf("cloze note %d: deletion %q splits in %d parts", id, d[0], len(parts))
				}
			}
		}
		noteIDs[id] = fmt.Sprint(m["type"])
	}

	cards := p.query(t, "select id, nid, did, ord, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data from cards order by due")
	perNote := map[int64]int{}
	for i, cd := range cards {
		nid, did := cd[1].(int64), cd[2].(int64)
		if _, ok := noteIDs[nid]; !ok {
			t.Errorf("card %v belongs to note %d, which is not there", cd[0], nid)
		}
		perNote[nid]++
		d, ok := c.decks[fmt.Sprint(did)]
		if !ok {
			t.Errorf("card %v is in deck %d, which col.decks lacks", cd[0], did)
		} else if d["name"] != g.Meta.Title {
			t.Errorf("card %v is in deck %v", cd[0], d["name"])
		}
		if cd[3].(int64) != 0 || cd[5].(int64) != 0 || cd[6].(int64) != 0 || cd[7].(int64) != int64(i+1) {
			t.Errorf("card %v: ord %v type %v queue %v due %v; want a new card 0 0 0 at %d", cd[0], cd[3], cd[5], cd[6], cd[7], i+1)
		}
		for k := 8; k <= 15; k++ {
			if cd[k].(int64) != 0 {
				t.Errorf("card %v column %d is %v; want 0", cd[0], k, cd[k])
			}
		}
		if cd[16].(string) != "" {
			t.Errorf("card %v data %q", cd[0], cd[16])
		}
	}
	for nid := range noteIDs {
		if perNote[nid] != 1 {
			t.Errorf("note %d has %d cards; want 1", nid, perNote[nid])
		}
	}
}

// stripHTML strips a field as Anki does for sfld and csum: tags and
// comments out, then, when the text holds an ampersand, character
// references read and no-break spaces made spaces.
func stripHTML(s string) string {
	s = regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`).ReplaceAllString(s, "")
	if !strings.Contains(s, "&") {
		return s
	}
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#58;", ":", "&#123;", "{", "&#125;", "}", "&quot;", `"`, "&#39;", "'", "&nbsp;", " ")
	return strings.ReplaceAll(r.Replace(s), "\u00a0", " ")
}

// TestSameNotesSameBytes builds the seed's deck twice.
func TestSameNotesSameBytes(t *testing.T) {
	text := seed(t)
	a := writeDeck(t, readGuide(t, "nato.md", text))
	b := writeDeck(t, readGuide(t, "nato.md", text))
	if !bytes.Equal(a, b) {
		t.Error("two builds of the same notes gave different packages")
	}
}

// guidsOf returns the guids of a deck's notes.
func guidsOf(t *testing.T, data []byte) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, r := range openPackage(t, data).query(t, "select guid from notes") {
		out[r[0].(string)] = true
	}
	return out
}

// TestGUIDsSurviveAnEdit edits one sentence of the seed and checks that
// at least 90 % of the notes keep their guids, so that Anki knows them
// again on import.
func TestGUIDsSurviveAnEdit(t *testing.T) {
	text := seed(t)
	before := guidsOf(t, writeDeck(t, readGuide(t, "nato.md", text)))
	old := "The region faced brutal ethnic conflicts, leading NATO to intervene to prevent further atrocities."
	if !bytes.Contains(text, []byte(old)) {
		t.Fatalf("the seed no longer holds the sentence %q", old)
	}
	edited := bytes.Replace(text, []byte(old), []byte("The region suffered brutal ethnic wars, which led NATO to step in and prevent more atrocities."), 1)
	after := guidsOf(t, writeDeck(t, readGuide(t, "nato.md", edited)))
	kept := 0
	for g := range before {
		if after[g] {
			kept++
		}
	}
	if kept*10 < len(before)*9 {
		t.Errorf("an edit of one sentence kept %d of %d guids; want at least 90 %%", kept, len(before))
	}
	t.Logf("an edit of one sentence kept %d of %d guids", kept, len(before))
}

// TestGUIDsFollowTheIdentifier checks that the guids derive from the
// identifier the notes give, and from the title when they give none.
func TestGUIDsFollowTheIdentifier(t *testing.T) {
	note := func(front string) []byte {
		return []byte(front + "# Rivers\n\n## Nile\n\n1. **Source**: The **White Nile** rises at **Lake Victoria**, and the **Blue Nile** joins it at **Khartoum** in 1821.\n")
	}
	deck := func(text []byte) map[string]bool { return guidsOf(t, writeDeck(t, readGuide(t, "rivers.md", text))) }
	plain := deck(note(""))
	if len(plain) == 0 {
		t.Fatal("the note gives no notes")
	}
	if !maps(plain, deck(append(note(""), "\nA closing line that asks nothing.\n"...))) {
		t.Error("guids changed when the notes, which give no identifier, changed elsewhere")
	}
	a := deck(note("---\nidentifier: urn:uuid:1\n---\n"))
	if maps(a, plain) || !maps(a, deck(note("---\nidentifier: urn:uuid:1\ntitle: Rivers\n---\n"))) {
		t.Error("guids do not follow the identifier the notes give")
	}
	if maps(a, deck(note("---\nidentifier: urn:uuid:2\n---\n"))) {
		t.Error("two identifiers gave the same guids")
	}
}

func maps(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// TestEditedSentence edits a sentence that holds questions: its
// questions become new notes, and the others keep their guids.
func TestEditedSentence(t *testing.T) {
	text := seed(t)
	before := guidsOf(t, writeDeck(t, readGuide(t, "nato.md", text)))
	old := "to stop ethnic cleansing by Serbian forces"
	if !bytes.Contains(text, []byte(old)) {
		t.Fatalf("the seed no longer holds %q", old)
	}
	edited := bytes.Replace(text, []byte(old), []byte("to halt the ethnic cleansing carried out by Serbian forces"), 1)
	after := guidsOf(t, writeDeck(t, readGuide(t, "nato.md", edited)))
	kept := 0
	for g := range before {
		if after[g] {
			kept++
		}
	}
	if kept == len(before) {
		t.Error("editing a sentence with key terms changed no guid")
	}
	if kept*10 < len(before)*9 {
		t.Errorf("an edit of one sentence kept %d of %d guids; want at least 90 %%", kept, len(before))
	}
}

func TestClozeText(t *testing.T) {
	for _, c := range []struct {
		q    guide.Question
		want string
	}{
		{guide.Question{Prompt: []guide.Piece{{Text: "In "}, {Text: "1999", Blank: true}, {Text: " NATO acted; by "}, {Text: "1999", Blank: true}, {Text: " it was over."}}, Hint: "(year)"},
			"In {{c1::1999::year}} NATO acted; by {{c1::1999::year}} it was over."},
		{guide.Question{Prompt: []guide.Piece{{Text: "A <b> & {{c2::x}} "}, {Text: "a::b}}c", Blank: true}}, Hint: "N…"},
			"A &lt;b&gt; &amp; &#123;&#123;c2::x&#125;&#125; {{c1::a&#58;&#58;b&#125;&#125;c::N…}}"},
		{guide.Question{Prompt: []guide.Piece{{Text: "Ratio: "}, {Text: "3:4", Blank: true}}},
			"Ratio: {{c1::3&#58;4}}"},
	} {
		if got := clozeText(&c.q); got != c.want {
			t.Errorf("clozeText\n got %q\nwant %q", got, c.want)
		}
		// Anki reads each deletion back as the answer and the hint.
		for _, d := range clozeDeletion.FindAllStringSubmatch(clozeText(&c.q), -1) {
			if n := len(strings.Split(d[2], "::")); n > 2 {
				t.Errorf("deletion %q splits in %d", d[0], n)
			}
		}
	}
}

func TestTags(t *testing.T) {
	for _, c := range []struct {
		path []string
		want string
	}{
		{nil, ""},
		{[]string{"Causes of the War", "Economic  Causes"}, " Causes_of_the_War::Economic_Causes "},
		{[]string{`The "Cold" War: 1947::1991`, "Ideas:"}, " The_Cold_War:_1947:1991::Ideas "},
		{[]string{"  ", "Only"}, " Only "},
	} {
		if got := tagsColumn(sectionTags(c.path)); got != c.want {
			t.Errorf("tags of %q = %q; want %q", c.path, got, c.want)
		}
	}
}

func TestDeckName(t *testing.T) {
	for title, want := range map[string]string{
		"NATO's Missions":      "NATO's Missions",
		"Physics::Mechanics":   "Physics:Mechanics",
		"Two\nlines  of\ttext": "Two lines of text",
		"":                     "Study guide",
	} {
		if got := deckName(title); got != want {
			t.Errorf("deckName(%q) = %q; want %q", title, got, want)
		}
	}
}

func TestIDs(t *testing.T) {
	g := guid("title:x", "q-000000000001")
	if !regexp.MustCompile(`^[0-9A-Za-z]{11}$`).MatchString(g) || g == guid("title:x", "q-000000000002") || g == guid("title:y", "q-000000000001") {
		t.Errorf("guid %q", g)
	}
	for _, key := range []string{"", "title:x", "id:urn:uuid:1"} {
		if id := deckID(key); id <= defaultDeckID || id >= 1<<53 {
			t.Errorf("deckID(%q) = %d; want above 1 and below 2^53", key, id)
		}
	}
	seen := map[string]bool{}
	if a, b := uniqueGUID("k", "q-1", seen), uniqueGUID("k", "q-1", seen); a == b {
		t.Error("a repeated question id gave a repeated guid")
	}
}

// TestSortFieldAndChecksum checks sfld and csum against values Anki
// computes: the checksum of "Hello" is the first 32 bits of its SHA-1,
// f7ff9e8b.
func TestSortFieldAndChecksum(t *testing.T) {
	if got := checksum("<b>Hello</b>"); got != 0xf7ff9e8b {
		t.Errorf("checksum = %x; want f7ff9e8b", got)
	}
	for in, want := range map[string]string{
		"a &amp; b<br>c":       "a & bc",
		"x&nbsp;y":             "x y",
		"no\u00a0entity":       "no\u00a0entity",
		"<!-- c -->{{c1::a}}":  "{{c1::a}}",
		"a&#58;b &#123;&#125;": "a:b {}",
	} {
		if got := sortField(in); got != want {
			t.Errorf("sortField(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestEmptyDeck writes the deck of a guide without questions: a valid
// package with no notes, and a warning.
func TestEmptyDeck(t *testing.T) {
	g := readGuide(t, "plain.md", []byte("# Plain\n\nJust a line.\n"))
	var warned []string
	var b bytes.Buffer
	if err := Write(&b, g, Options{Warn: func(_ guide.Pos, msg string) { warned = append(warned, msg) }}); err != nil {
		t.Fatal(err)
	}
	if len(warned) != 1 {
		t.Errorf("warnings %q; want one", warned)
	}
	p := openPackage(t, b.Bytes())
	if r := p.query(t, "select count(*) from notes"); r[0][0] != int64(0) {
		t.Errorf("%v notes", r[0][0])
	}
	readCollection(t, p)
}

// TestBuildDate checks that ids and times come from the guide's build
// date.
func TestBuildDate(t *testing.T) {
	g := readGuide(t, "nato.md", seed(t))
	a := writeDeck(t, g)
	g.Meta.Modified = guide.FixedDate().AddDate(26, 0, 3).Add(5 * 3600e9)
	b := writeDeck(t, g)
	if bytes.Equal(a, b) {
		t.Fatal("another build date gave the same package")
	}
	p := openPackage(t, b)
	c := readCollection(t, p)
	mod := g.Meta.Modified
	if c.mod != mod.UnixMilli() || c.crt != mod.Truncate(24*3600e9).Unix() {
		t.Errorf("col mod %d crt %d for %v", c.mod, c.crt, mod)
	}
	r := p.query(t, "select min(id), min(mod), max(mod) from notes")
	if r[0][0] != mod.UnixMilli() || r[0][1] != mod.Unix() || r[0][2] != mod.Unix() {
		t.Errorf("notes: first id %v, mod %v to %v; want %d and %d", r[0][0], r[0][1], r[0][2], mod.UnixMilli(), mod.Unix())
	}
	zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	for _, f := range zr.File {
		if !f.Modified.Equal(mod) {
			t.Errorf("%s has time %v; want %v", f.Name, f.Modified, mod)
		}
	}
}

// TestPythonReadsTheCollection opens the collection with Python's sqlite3,
// which links SQLite's C library, as Anki does, when Python is installed.
func TestPythonReadsTheCollection(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed; the collection is read with the Go SQLite only")
	}
	if err := exec.Command(python, "-c", "import sqlite3").Run(); err != nil {
		t.Skip("python3 has no sqlite3 module; the collection is read with the Go SQLite only")
	}
	p := openPackage(t, writeDeck(t, readGuide(t, "nato.md", seed(t))))
	const script = `import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(db.execute("pragma integrity_check").fetchone()[0])
print(db.execute("select ver from col").fetchone()[0])
print(db.execute("select count(*) from notes join cards on cards.nid = notes.id").fetchone()[0])
print(",".join(r[0] for r in db.execute("select name from sqlite_master order by name")))
`
	out, err := exec.Command(python, "-c", script, p.path).CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
	n := p.query(t, "select count(*) from notes")[0][0]
	want := fmt.Sprintf("ok\n11\n%d\ncards,col,graves,ix_cards_nid,ix_cards_sched,ix_cards_usn,ix_notes_csum,ix_notes_usn,ix_revlog_cid,ix_revlog_usn,notes,revlog\n", n)
	if string(out) != want {
		t.Errorf("python3 read\n%s\nwant\n%s", out, want)
	}
}

// TestFormulaFields checks that a formula in a question or its answer
// reaches the deck as TeX between \( and \), which Anki typesets, and
// never in its linear text or as bare TeX.
func TestFormulaFields(t *testing.T) {
	g := readGuide(t, "waves.md", []byte("# Waves\n\n## Waves and sound\n\n"+
		"1. **Wave speed**: a wave of frequency $f$ and wavelength $\\lambda$ travels at $v = f\\lambda$.\n"+
		"2. **Period of a pendulum**: a pendulum of length $L$ swings with the period $T = 2\\pi\\sqrt{\\frac{L}{g}}$.\n\n"+
		"The **spring constant** $k$ says how stiff a spring is, and $E = \\frac{1}{2}kx^2$ is what it stores.\n"))
	var fields []string
	for _, n := range notes(g, "key") {
		fields = append(fields, n.Fields...)
	}
	all := strings.Join(fields, "\n")
	// In a cloze note's text the braces are references, which no deletion
	// is read from and which MathJax reads as braces.
	for _, want := range []string{`travels at \(v = f\lambda\)`, `\(T = 2\pi\sqrt{\frac{L}{g}}\)`,
		`{{c1::spring constant}} \(k\) says`, `\(E = \frac&#123;1&#125;&#123;2&#125;kx^2\)`} {
		if !strings.Contains(all, want) {
			t.Errorf("no field holds %s:\n%s", want, all)
		}
	}
	for _, bad := range []string{"fλ", "√(L/g)"} {
		if strings.Contains(all, bad) {
			t.Errorf("a field holds the linear form %q:\n%s", bad, all)
		}
	}
}
