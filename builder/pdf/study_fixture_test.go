package pdf

import (
	"fmt"
	"strings"
	"time"

	"studyguide/builder/figure"
	"studyguide/builder/guide"
)

// Hand-made guides with the study aids the enrichment and palace stages
// add: summary and term tables, an "At a glance" section, a glossary with
// page references, key terms with anchors, a mind palace drawn as a
// full-page figure, a walk-through with references, and a small figure in
// running text.

// station is one stop of the test palace.
type station struct {
	name, cue, target string
}

var testStations = []station{
	{"Balkans Operations", "a bridge rebuilt under a blue helmet", "kp-balkans"},
	{"Afghanistan", "a mountain pass with a lantern", "kp-afghanistan"},
	{"Libya", "a coastline watched from the air", "kp-libya"},
	{"Disaster Relief", "sandbags stacked against a flood", "relief"},
	{"Training Missions", "a classroom inside a tent", "training"},
}

// palaceScene draws a palace page the way the palace stage would: a
// title, a dashed route of cubic curves through rounded rooms, a numbered
// badge, a pictogram (a scaled, translucent group), the station's name in
// sans bold and its cue in sans regular on two lines, and a link over each
// room. It is sized for the A5 text block.
func palaceScene(stations []station) *figure.Scene {
	const w, h = 320.0, 500.0
	sc := &figure.Scene{Width: w, Height: h, Title: "Mind palace", Desc: "A route through five rooms."}
	ink := figure.RGB(0x18, 0x34, 0x58)
	sc.Items = append(sc.Items,
		&figure.Text{X: w / 2, Y: 22, Lines: []string{"The rescue force"}, Size: 17, LineHeight: 20, Family: "sans", Style: "B", Color: ink, Anchor: figure.AnchorMiddle},
		&figure.Text{X: w / 2, Y: 40, Lines: []string{"Walk the rooms in order; each holds one key point."}, Size: 9.5, LineHeight: 12, Family: "serif", Style: "I", Color: figure.RGB(0x50, 0x50, 0x50), Anchor: figure.AnchorMiddle},
	)
	type room struct{ x, y float64 }
	var rooms []room
	rw, rh := 140.0, 120.0
	for i := range stations {
		col := i % 2
		if (i/2)%2 == 1 {
			col = 1 - col // walk the rooms as a snake
		}
		rooms = append(rooms, room{12 + float64(col)*(rw+16), 58 + float64(i/2)*(rh+14)})
	}
	// The route: from each room's badge to the next one's, an S-curve
	// drawn before the rooms, so that it shows only between them.
	route := &figure.Path{Style: figure.Style{Stroke: figure.RGB(0xC0, 0x60, 0x20), StrokeWidth: 2.2, Dash: []float64{6, 4}, RoundJoins: true}}
	for i, r := range rooms {
		p := figure.Point{X: r.x + rw/2, Y: r.y + rh/2}
		if i == 0 {
			route.Segments = append(route.Segments, figure.Segment{Op: figure.MoveTo, Pts: [3]figure.Point{p}})
			continue
		}
		q := rooms[i-1]
		from := figure.Point{X: q.x + rw/2, Y: q.y + rh/2}
		route.Segments = append(route.Segments, figure.Segment{Op: figure.CubicTo, Pts: [3]figure.Point{
			{X: (from.X + p.X) / 2, Y: from.Y - 30}, {X: (from.X + p.X) / 2, Y: p.Y + 30}, p}})
	}
	sc.Items = append(sc.Items, route)
	for _, r := range rooms {
		sc.Items = append(sc.Items, &figure.Rect{
			Style: figure.Style{Fill: figure.RGB(0xF3, 0xF6, 0xFA), Stroke: figure.RGB(0x7A, 0x8A, 0xA0), StrokeWidth: 1},
			X:     r.x, Y: r.y, W: rw, H: rh, Radius: 10})
	}
	for i, r := range rooms {
		s := stations[i]
		cue := wrapWords(s.cue, 22)
		sc.Items = append(sc.Items,
			&figure.Circle{Style: figure.Style{Fill: ink}, CX: r.x + 22, CY: r.y + 22, R: 12},
			&figure.Text{X: r.x + 22, Y: r.y + 26.5, Lines: []string{fmt.Sprint(i + 1)}, Size: 12, LineHeight: 14, Family: "sans", Style: "B", Color: figure.RGB(0xFF, 0xFF, 0xFF), Anchor: figure.AnchorMiddle},
			&figure.Group{Translate: figure.Point{X: r.x + rw - 46, Y: r.y + 8}, Scale: 1.5, Items: []figure.Item{
				&figure.Circle{Style: figure.Style{Fill: figure.RGB(0x9F, 0xC5, 0xE8), Opacity: 0.6}, CX: 12, CY: 12, R: 11},
				&figure.Path{Style: figure.Style{Stroke: ink, StrokeWidth: 1.5, RoundJoins: true}, Segments: []figure.Segment{
					{Op: figure.MoveTo, Pts: [3]figure.Point{{X: 12, Y: 19}}},
					{Op: figure.CubicTo, Pts: [3]figure.Point{{X: 4, Y: 14}, {X: 4, Y: 6}, {X: 12, Y: 8}}},
					{Op: figure.CubicTo, Pts: [3]figure.Point{{X: 20, Y: 6}, {X: 20, Y: 14}, {X: 12, Y: 19}}},
					{Op: figure.Close},
				}},
			}},
			&figure.Text{X: r.x + 10, Y: r.y + 56, Lines: wrapWords(s.name, 18), Size: 11, LineHeight: 13.5, Family: "sans", Style: "B", Color: ink},
			&figure.Text{X: r.x + 10, Y: r.y + 88, Lines: cue, Size: 10, LineHeight: 12.5, Family: "sans", Color: figure.RGB(0x30, 0x30, 0x30)},
			&figure.Link{X: r.x, Y: r.y, W: rw, H: rh, Target: s.target},
		)
	}
	sc.Items = append(sc.Items, &figure.Text{X: w - 12, Y: h - 8, Lines: []string{"Start at 1 and follow the route."}, Size: 9, LineHeight: 11, Family: "serif", Anchor: figure.AnchorEnd})
	return sc
}

// wrapWords breaks s into lines of at most n characters at spaces.
func wrapWords(s string, n int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		if cur != "" && len(cur)+1+len(w) > n {
			lines = append(lines, cur)
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// timelineScene is a small figure for running text: a line of years with
// dots, one a link.
func timelineScene() *figure.Scene {
	sc := &figure.Scene{Width: 300, Height: 70, Title: "Timeline"}
	sc.Items = append(sc.Items, &figure.Path{Style: figure.Style{Stroke: figure.RGB(0x60, 0x60, 0x60), StrokeWidth: 1.2}, Segments: []figure.Segment{
		{Op: figure.MoveTo, Pts: [3]figure.Point{{X: 10, Y: 30}}},
		{Op: figure.LineTo, Pts: [3]figure.Point{{X: 290, Y: 30}}},
	}})
	for i, y := range []string{"1995", "2001", "2011"} {
		x := 30 + float64(i)*120
		sc.Items = append(sc.Items,
			&figure.Circle{Style: figure.Style{Fill: figure.RGB(0x18, 0x34, 0x58)}, CX: x, CY: 30, R: 5},
			&figure.Text{X: x, Y: 55, Lines: []string{y}, Size: 10, LineHeight: 12, Family: "sans", Anchor: figure.AnchorMiddle},
		)
	}
	sc.Items = append(sc.Items, &figure.Link{X: 140, Y: 20, W: 20, H: 40, Target: "kp-afghanistan"})
	return sc
}

// ref is a reference to an id, with text for the EPUB.
func ref(target, text string) *guide.Ref {
	return &guide.Ref{Target: target, Children: []guide.Inline{txt(text)}}
}

// term is a key term's first use, with its anchor.
func term(id, text string) *guide.Strong {
	return &guide.Strong{ID: id, Children: []guide.Inline{txt(text)}}
}

// studyKeyPoint is a key point whose sub-bullets hold key terms with ids.
func studyKeyPoint(id, title string, subs ...[]guide.Inline) *guide.ListItem {
	var items []*guide.ListItem
	for _, s := range subs {
		items = append(items, item(para(s...)))
	}
	return &guide.ListItem{
		Key:    &guide.KeyPoint{Title: title, ID: id},
		Blocks: []guide.Block{para(strong(txt(title)), txt(":")), bulletList(items...)},
	}
}

// summaryTable is a section's key points in a table, as enrichment makes it.
func summaryTable(rows ...[4]string) *guide.Table {
	t := &guide.Table{Kind: guide.Summary, Caption: "Summary of key points",
		Header: []guide.Cell{cell(txt("Key point")), cell(txt("Key terms")), cell(txt("When")), cell(txt("In one line"))},
		Roles:  []guide.ColumnRole{guide.RoleKeyPoint, guide.RoleTerms, guide.RoleWhen, guide.RoleGist}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []guide.Cell{cell(txt(r[0])), cell(txt(r[1])), cell(txt(r[2])), cell(txt(r[3]))})
	}
	return t
}

// glossaryTerm is one entry of the test glossary.
type glossaryTerm struct {
	id, name, meaning string
}

var testTerms = []glossaryTerm{
	{"term-ifor", "Implementation Force (IFOR)", "The NATO-led force that enforced the Dayton Peace Agreement in Bosnia from 1995."},
	{"term-dayton", "Dayton Peace Agreement", "The 1995 accord that ended the war in Bosnia and Herzegovina."},
	{"term-kfor", "Kosovo Force (KFOR)", "The NATO-led force deployed to Kosovo in 1999, still present today."},
	{"term-isaf", "International Security Assistance Force (ISAF)", "The mission in Afghanistan from 2001 to 2014, led by NATO from 2003."},
	{"term-unified", "Operation Unified Protector", "NATO's 2011 operation in Libya to enforce a no-fly zone and an arms embargo."},
	{"term-eadrcc", "Euro-Atlantic Disaster Response Coordination Centre (EADRCC)", "NATO's centre that coordinates help after floods, fires and earthquakes."},
	{"term-ntm", "NATO Training Mission – Iraq", "A mission that trained Iraqi security forces from 2004 to 2011."},
}

// studyGuide returns a guide with every study aid. filler adds paragraphs
// to each key-point section so that targets spread over several pages.
func studyGuide(filler int) *guide.Guide {
	g := &guide.Guide{Meta: guide.Meta{
		Title: "NATO Peacekeeping: A Study Guide", Lang: "en", Identifier: "urn:test:study",
		Modified: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
	}}
	more := func() []guide.Block {
		var bs []guide.Block
		for i := range filler {
			bs = append(bs, para(txt(fmt.Sprintf("Background %d. ", i+1)+strings.Repeat("Peacekeeping asks for patience, local knowledge and the consent of the parties, and it changes as the conflicts it answers change. ", 5))))
		}
		return bs
	}
	glance := &guide.Table{Kind: guide.Glance, Caption: "The guide at a glance",
		Header: []guide.Cell{cell(txt("Section")), cell(txt("Key point")), cell(txt("Page"))},
		Roles:  []guide.ColumnRole{guide.RoleSection, guide.RoleKeyPoint, guide.RoleSee}}
	for _, r := range [][3]string{
		{"Missions", "Balkans Operations", "kp-balkans"},
		{"Missions", "Afghanistan", "kp-afghanistan"},
		{"Missions", "Libya", "kp-libya"},
		{"Beyond combat", "Disaster Relief", "relief"},
		{"Beyond combat", "Training Missions", "training"},
	} {
		glance.Rows = append(glance.Rows, []guide.Cell{cell(txt(r[0])), cell(txt(r[1])), cell(ref(r[2], r[1]))})
	}
	g.Intro = []guide.Block{para(txt("NATO has kept the peace in places where wars had just ended, and helped where disasters struck. This guide follows its missions."))}
	atGlance := &guide.Section{ID: "at-a-glance", Title: "At a glance", Level: 1, HeadingLevel: 2, Kind: guide.Glance, Blocks: []guide.Block{glance}}

	missions := &guide.Section{ID: "missions", Title: "Missions", Level: 1, HeadingLevel: 2}
	missions.Blocks = append(missions.Blocks, para(txt("Three operations shaped how NATO thinks about keeping the peace.")))
	missions.Blocks = append(missions.Blocks, more()...)
	missions.Blocks = append(missions.Blocks,
		&guide.List{Ordered: true, Start: 1, Items: []*guide.ListItem{
			studyKeyPoint("kp-balkans", "Balkans Operations: Bosnia and Kosovo",
				[]guide.Inline{txt("After the "), term("term-dayton", "Dayton Peace Agreement"), txt(" of 1995 the "), term("term-ifor", "Implementation Force (IFOR)"), txt(" kept the sides apart.")},
				[]guide.Inline{txt("In 1999 the "), term("term-kfor", "Kosovo Force (KFOR)"), txt(" arrived; it is still there.")}),
			studyKeyPoint("kp-afghanistan", "Afghanistan",
				[]guide.Inline{txt("The "), term("term-isaf", "International Security Assistance Force (ISAF)"), txt(" ran from 2001 to 2014.")}),
			studyKeyPoint("kp-libya", "Libya",
				[]guide.Inline{txt("In 2011, under Resolution 1973, "), term("term-unified", "Operation Unified Protector"), txt(" enforced a no-fly zone.")}),
		}},
		&guide.Figure{ID: "fig-timeline", Kind: guide.FromNotes, Scene: timelineScene(), Alt: "A timeline of 1995, 2001 and 2011."},
		summaryTable(
			[4]string{"Balkans Operations: Bosnia and Kosovo", "Dayton Peace Agreement, Implementation Force (IFOR), Kosovo Force (KFOR)", "1995, 1999", "After the Dayton Peace Agreement of 1995 the Implementation Force (IFOR) kept the sides apart."},
			[4]string{"Afghanistan", "International Security Assistance Force (ISAF)", "2001–2014", "The International Security Assistance Force (ISAF) ran from 2001 to 2014."},
			[4]string{"Libya", "Operation Unified Protector", "2011", "In 2011, under Resolution 1973, Operation Unified Protector enforced a no-fly zone."},
		),
	)
	beyond := &guide.Section{ID: "beyond", Title: "Beyond combat", Level: 1, HeadingLevel: 2}
	beyond.Blocks = append(beyond.Blocks, more()...)
	beyond.Sections = []*guide.Section{
		{ID: "relief", Title: "Disaster Relief", Level: 2, HeadingLevel: 3, Blocks: append(more(),
			para(txt("The "), term("term-eadrcc", "Euro-Atlantic Disaster Response Coordination Centre (EADRCC)"), txt(" sends help after floods and earthquakes.")))},
		{ID: "training", Title: "Training Missions", Level: 2, HeadingLevel: 3, Blocks: append(more(),
			para(txt("The "), term("term-ntm", "NATO Training Mission – Iraq"), txt(" trained officers, not armies; see "), ref("kp-balkans", "the Balkans"), txt(" for where it began.")),
			&guide.Table{Kind: guide.TermTable, Caption: "Terms in this section",
				Header: []guide.Cell{cell(txt("Term")), cell(txt("Meaning"))},
				Roles:  []guide.ColumnRole{guide.RoleTerm, guide.RoleMeaning},
				Rows: [][]guide.Cell{
					{cell(txt("NATO Training Mission – Iraq")), cell(txt("A mission that trained Iraqi security forces from 2004 to 2011."))},
					{cell(txt("Mentor")), cell(txt("An officer who advises a unit of the host nation's forces."))},
					{cell(txt("Capacity building")), cell(txt("Helping a state's own institutions do what foreign troops did before."))},
				}},
		)},
	}
	palace := &guide.Section{ID: "mind-palace", Title: "Mind Palace", Level: 1, HeadingLevel: 2, Kind: guide.Palace, Blocks: []guide.Block{
		&guide.Figure{ID: "palace-1", Kind: guide.Palace, FullPage: true, Scene: palaceScene(testStations), Alt: "A route through five rooms."},
	}}
	walk := &guide.Section{ID: "walk-through", Title: "Walking the palace", Level: 1, HeadingLevel: 2, Kind: guide.WalkThrough}
	var walkItems []*guide.ListItem
	for _, s := range testStations {
		walkItems = append(walkItems, item(para(strong(txt(s.name)), txt(": "+s.cue+". Facts: "), ref(s.target, s.name), txt("."))))
	}
	walk.Blocks = []guide.Block{&guide.List{Ordered: true, Start: 1, Items: walkItems}}

	glossary := &guide.Table{Kind: guide.Glossary, Caption: "Key terms",
		Header: []guide.Cell{cell(txt("Term")), cell(txt("Meaning")), cell(txt("Page"))},
		Roles:  []guide.ColumnRole{guide.RoleTerm, guide.RoleMeaning, guide.RoleSee}}
	sorted := append([]glossaryTerm(nil), testTerms...)
	for i := range sorted {
		for j := i + 1; j < len(sorted); j++ {
			if sorted[j].name < sorted[i].name {
				sorted[i], sorted[j] = sorted[j], sorted[i]
			}
		}
	}
	for _, tm := range sorted {
		glossary.Rows = append(glossary.Rows, []guide.Cell{cell(txt(tm.name)), cell(txt(tm.meaning)), cell(ref(tm.id, tm.name))})
	}
	gloss := &guide.Section{ID: "glossary", Title: "Glossary", Level: 1, HeadingLevel: 2, Kind: guide.Glossary, Blocks: []guide.Block{glossary}}
	g.Sections = []*guide.Section{atGlance, missions, beyond, palace, walk, gloss}
	return g
}
