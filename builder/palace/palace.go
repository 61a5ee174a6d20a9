// Package palace adds the mind-palace pages to a guide: a drawn floor plan
// with one numbered room per memory locus, walked in order along a
// corridor, each room with a pictogram, the locus name and its cue, and a
// walk-through section that ties each locus to what it stands for.
//
// The palace comes from the notes' own mind-palace section when there is
// one (a heading that says mind palace, memory palace, method of loci,
// journey method or memory journey, in English or in the notes' language;
// see guide.IsPalaceTitle): its lead sentence's bold phrase is the theme,
// and its stations are list items ("**Locus**: cue", "Locus — cue") or
// table rows, one sub-heading per locus, or bold places in a walk written
// in prose. Each station links to the section or
// key point whose title matches its locus best, else its cue; a station
// that matches neither stands for itself. Notes without one get a palace
// built from the key points of every section.
//
// The drawing is a figure.Scene that both writers draw natively. It is
// laid out for the smallest page the guides are printed on, A5, with no
// text under 9 points, so that it only ever grows.
package palace

import (
	"fmt"
	"sort"
	"strings"

	"studyguide/builder/guide"
	"studyguide/builder/internal/workers"
	"studyguide/builder/labels"
	"studyguide/builder/palace/icons"
)

// DefaultMaxStations is how many stations one page holds when Options
// does not say, and the most it can hold: twelve rooms are what an A5
// page fits with no text under 9 points.
const DefaultMaxStations = 12

// MaxStations is the most stations a palace holds: ten pages of rooms.
// A walk of more is no longer one to remember, and every page is a drawing
// of its own; stations past it are left out, with a warning.
const MaxStations = 10 * DefaultMaxStations

// Options controls Build.
type Options struct {
	// MaxStations is how many stations one page of the drawing holds;
	// more continue on following pages. Zero, or more than
	// DefaultMaxStations, means DefaultMaxStations.
	MaxStations int
}

// Build adds the palace to g: a section of Kind guide.Palace holding one
// full-page figure per page of stations, and after it a section of Kind
// guide.WalkThrough. Both go right after the notes' mind-palace section,
// as its siblings, or at the end of the guide when there is none. Build
// does nothing when the notes give no station at all.
//
// Problems in the notes (a cue too long for its room, more stations than
// a palace holds) are reported as warnings through g.Files when it is
// set. A station that matches no section is no problem: it stands for
// itself.
func Build(g *guide.Guide, opts Options) {
	perPage := opts.MaxStations
	if perPage <= 0 || perPage > DefaultMaxStations {
		perPage = DefaultMaxStations
	}
	// The ids the guide holds are gathered while its palace is read.
	ids := workers.Later(g.IDs)
	p := readPalace(g, perPage)
	used := ids()
	if p == nil || len(p.Stations) == 0 {
		return
	}
	words := labels.For(g.Meta.Lang)

	palaceSec := &guide.Section{
		ID:    used.Claim("mind-palace"),
		Title: words.Format("palace.title", "theme", p.Theme),
		Pos:   guide.NoPos,
		Kind:  guide.Palace,
	}
	pages := (len(p.Stations) + perPage - 1) / perPage
	for n := range pages {
		from, to := n*perPage, min((n+1)*perPage, len(p.Stations))
		pg := page{palace: p, stations: p.Stations[from:to], icons: chooseIcons(p.Stations[from:to]), first: from,
			total: len(p.Stations), number: n + 1, pages: pages, words: words}
		scene, cut := layout(pg)
		scene.Title = palaceSec.Title
		if pages > 1 {
			scene.Title = words.Format("palace.part-title", "title", scene.Title, "n", n+1, "total", pages)
		}
		scene.Desc = describe(pg)
		for _, st := range cut {
			if st.excerpt {
				continue
			}
			warnf(g, st.Pos, "mind-palace station %q is too long for its room at %g pt and is cut in the drawing; the walk-through gives it whole", st.Name, minSize)
		}
		palaceSec.Blocks = append(palaceSec.Blocks, &guide.Figure{
			Pos:      guide.NoPos,
			ID:       used.Claim(palaceSec.ID + "-" + fmt.Sprint(n+1)),
			Kind:     guide.Palace,
			Scene:    scene,
			Alt:      altText(pg),
			FullPage: true,
		})
	}
	idx := indexFacts(g)
	walk := walkThrough(g, words, p, idx, used.Claim("walking-the-palace"), palaceSec.ID)
	keep(g, p, palaceSec, idx)
	place(g, p.Section, palaceSec, walk)
}

// keep records the stations of p in g.Study for the stages after the
// palace, such as the self-test, with the section they belong to: the
// notes' mind-palace section, else drawn, the palace section.
func keep(g *guide.Guide, p *model, drawn *guide.Section, idx *factIndex) {
	if g.Study == nil {
		return
	}
	home := drawn.ID
	if p.Section != nil {
		home = p.Section.ID
	}
	for i, st := range p.Stations {
		f := factsOf(g, st.target, idx)
		g.Study.Stations = append(g.Study.Stations, &guide.Station{
			Gist: f.Gist, GistInlines: f.GistInlines,
			Number: i + 1, Name: st.Name, Cue: st.Cue,
			Target: st.Target, TargetTitle: st.TargetTitle,
			SectionID: home, Pos: st.Pos,
		})
	}
}

// readPalace finds the notes' mind-palace section and reads it, linking
// each station to its target; without one, or when it has no stations,
// it builds the palace from the key points, perPage rooms to a page.
func readPalace(g *guide.Guide, perPage int) *model {
	sec, _ := findSection(g)
	if sec != nil {
		cands := candidates(g, sec)
		lang := strings.ToLower(g.Meta.Lang)
		p := fromSection(sec, proseRules{topic: topics(g, cands), articleA: lang == "" || lang == "en" || strings.HasPrefix(lang, "en-")})
		if len(p.Stations) > MaxStations {
			warnTooMany(g, p.Stations[MaxStations].Pos, len(p.Stations))
			p.Stations = p.Stations[:MaxStations]
		}
		if len(p.Stations) > 0 {
			if p.Theme == "" {
				p.Theme = g.Meta.Title
			}
			for _, st := range p.Stations {
				c := matchStation(st, cands)
				if c == nil {
					// A locus such as "Kitchen" may stand for
					// itself: its room shows its cue and links
					// nowhere, which is no fault of the notes.
					continue
				}
				st.Target, st.TargetTitle, st.target = c.ID, c.Title, c
			}
			return p
		}
		warnf(g, sec.Pos, "the mind-palace section %q lists no stations (items such as \"**Kitchen**: a cue\", a heading per locus, or places in bold in a walk such as \"In the **kitchen** a cue.\"); the palace is built from the key points", sec.Title)
	}
	return fromKeyPoints(g, sec, perPage)
}

// chooseIcons gives each station of a page the pictogram that matches its
// name and cue best, with no icon used twice on the page while another
// still matches: the page's strongest matches are settled first. A
// station nothing matches gets a neutral icon not yet on the page, the
// map pin first.
func chooseIcons(stations []*station) []icons.Icon {
	type option struct {
		station, rank int
		score         float64
		icon          icons.Icon
	}
	var opts []option
	for i, st := range stations {
		for r, m := range icons.Rank(st.Name, st.Cue) {
			opts = append(opts, option{i, r, m.Score, m.Icon})
		}
	}
	sort.SliceStable(opts, func(a, b int) bool {
		if opts[a].score != opts[b].score {
			return opts[a].score > opts[b].score
		}
		if opts[a].station != opts[b].station {
			return opts[a].station < opts[b].station
		}
		return opts[a].rank < opts[b].rank
	})
	out := make([]icons.Icon, len(stations))
	done := make([]bool, len(stations))
	taken := map[string]bool{}
	for _, o := range opts {
		if done[o.station] || taken[o.icon.Name] {
			continue
		}
		out[o.station], done[o.station], taken[o.icon.Name] = o.icon, true, true
	}
	neutral := icons.Neutral()
	for i := range out {
		if done[i] {
			continue
		}
		out[i] = icons.Default()
		for _, ic := range neutral {
			if !taken[ic.Name] {
				out[i], taken[ic.Name] = ic, true
				break
			}
		}
	}
	return out
}

// place inserts the palace and walk-through sections right after the
// notes' mind-palace section, as its siblings, or at the end of the guide.
func place(g *guide.Guide, after *guide.Section, sections ...*guide.Section) {
	list := &g.Sections
	level, heading := 1, 2
	if n := len(g.Sections); n > 0 {
		heading = g.Sections[n-1].HeadingLevel
	}
	at := len(*list)
	if after != nil {
		g.WalkSections(func(s *guide.Section) bool {
			for i, c := range s.Sections {
				if c == after {
					list, at = &s.Sections, i+1
					return false
				}
			}
			return true
		})
		for i, c := range g.Sections {
			if c == after {
				list, at = &g.Sections, i+1
			}
		}
		level, heading = after.Level, after.HeadingLevel
	}
	for _, s := range sections {
		s.Level, s.HeadingLevel = level, heading
	}
	rest := append([]*guide.Section{}, (*list)[at:]...)
	*list = append(append((*list)[:at], sections...), rest...)
}

// altText is the figure's text alternative: one sentence that lists the
// stations in walking order.
func altText(pg page) string {
	var parts []string
	for i, st := range pg.stations {
		parts = append(parts, pg.words.Format("palace.alt-station", "n", pg.first+i+1, "name", st.Name))
	}
	list := strings.Join(parts, ", ")
	if len(parts) > 1 {
		list = pg.words.Format("list.and", "list", strings.Join(parts[:len(parts)-1], ", "), "last", parts[len(parts)-1])
	}
	if pg.pages > 1 {
		return pg.words.Format("palace.alt-part", "n", pg.number, "total", pg.pages, "stations", list)
	}
	return pg.words.Format("palace.alt", "stations", list)
}

// describe is the scene's long description: every station with its cue,
// in walking order.
func describe(pg page) string {
	var b strings.Builder
	b.WriteString(pg.words.Text("palace.desc"))
	for i, st := range pg.stations {
		name := pg.words.Format("palace.desc-station", "n", pg.first+i+1, "name", st.Name)
		if st.Cue != "" {
			name = pg.words.Format("pair", "name", name, "text", st.Cue)
		}
		b.WriteString(" " + name)
		if !strings.HasSuffix(b.String(), ".") {
			b.WriteByte('.')
		}
	}
	return b.String()
}

// warnf reports a problem in the notes when the guide knows its source.
// warnTooMany reports, at the first station left out, that a palace of n
// stations keeps only MaxStations of them.
func warnTooMany(g *guide.Guide, pos guide.Pos, n int) {
	warnf(g, pos, "the mind palace would have %d stations; only the first %d are drawn and walked through", n, MaxStations)
}

func warnf(g *guide.Guide, pos guide.Pos, format string, args ...any) {
	if g.Files != nil {
		g.Files.Warnf(pos, format, args...)
	}
}
