package enrich

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"studyguide/builder/guide"
)

// quiz reads notes and makes their questions as a build does, the mind
// palace included.
func quiz(t *testing.T, notes string) *guide.Guide {
	t.Helper()
	g, _ := readNote(t, "notes.md", []byte(notes))
	Aids.Run(g, nil)
	return g
}

// questionFor returns the first question whose answer is answer, or nil.
func questionFor(g *guide.Guide, answer string) *guide.Question {
	for _, q := range g.Study.Questions {
		if q.Answer == answer {
			return q
		}
	}
	return nil
}

// prompt is a question's prompt with each blank as "___".
func prompt(q *guide.Question) string { return q.PromptText("___") }

const libya = `# NATO missions

## Operations

1. **Operation Unified Protector: Libya**:
   - In 2011, NATO led **Operation Unified Protector** in Libya under a **UN mandate** to protect civilians during the civil war.
   - The operation enforced a **no-fly zone** over Libya; the **no-fly zone** was patrolled by jets from many member states.
2. **Balkans Operations**:
   - NATO’s first major peacekeeping operations took place in the **Balkans** during the 1990s, following the collapse of Yugoslavia.
   - Countries such as **Australia**, **New Zealand**, and **Jordan** sent troops to the missions later on.
3. **Resource Limitations**:
   - Long missions strain the alliance’s **financial capacity** and its patience with slow and costly deployments.
   - The **EU** helps.
   - Budgets were cut in 2008 across the alliance, which slowed every new mission for years.
   - In the 1990s, the alliance had to learn peacekeeping from scratch, far from home.

## The Kosovo Force

The **Kosovo Force** keeps the peace in the region with soldiers from many member states of the alliance.

## Memory palace

- **Hall**: a map of the Balkans.
- **Kitchen**: jets over a desert in Libya.
`

func TestClozeBlanksEveryUseAndHidesTheAnswer(t *testing.T) {
	g := quiz(t, libya)
	q := questionFor(g, "no-fly zone")
	if q == nil {
		t.Fatal("no question on the no-fly zone")
	}
	if q.Kind != guide.Cloze || q.Blanks() != 2 {
		t.Errorf("no-fly zone: kind %s with %d blanks, want a cloze with both uses blanked: %q", q.Kind, q.Blanks(), prompt(q))
	}
	for _, q := range g.Study.Questions {
		if q.Kind != guide.Cloze {
			continue
		}
		text := strings.ToLower(q.PromptText(" "))
		if strings.Contains(text, strings.ToLower(q.Answer)) {
			t.Errorf("question %q shows its answer %q", prompt(q), q.Answer)
		}
		if q.Blanks() == 0 {
			t.Errorf("cloze question %q has no blank", prompt(q))
		}
		for _, p := range q.Prompt {
			if p.Blank && !strings.EqualFold(p.Text, q.Answer) {
				t.Errorf("blank %q of %q is not the answer %q", p.Text, prompt(q), q.Answer)
			}
		}
		if q.Source != q.PromptText("") && !strings.Contains(q.PromptText(q.Answer), q.Source) {
			t.Errorf("question %q is not its source %q with the answer filled in", prompt(q), q.Source)
		}
	}
}

func TestClozeRules(t *testing.T) {
	g := quiz(t, libya)
	// "The EU helps." is too short to give context, and "EU" too short
	// to blank.
	if q := questionFor(g, "EU"); q != nil {
		t.Errorf("a two-letter term is blanked: %q", prompt(q))
	}
	// The section's title names the Kosovo Force: a question would show
	// its answer.
	if q := questionFor(g, "Kosovo Force"); q != nil {
		t.Errorf("a term its section's title shows is asked: %q", prompt(q))
	}
	// One of a list gets the first letters of its answer as a hint.
	if q := questionFor(g, "Australia"); q == nil || q.Hint != "A…" {
		t.Errorf("a term in a list: %+v, want the hint \"A…\"", q)
	}
	if q := questionFor(g, "Operation Unified Protector"); q == nil || q.Hint != "" {
		t.Errorf("a term that the sentence pins down: %+v, want no hint", q)
	}
	// A sentence asks one term: the most important that makes a good
	// blank.
	n := 0
	for _, q := range g.Study.Questions {
		if q.Kind == guide.Cloze && strings.HasPrefix(q.Source, "Countries such as") && q.Term != "" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the sentence with three terms gives %d term questions, want 1", n)
	}
}

func TestDateCloze(t *testing.T) {
	g := quiz(t, libya)
	for answer, hint := range map[string]string{"2008": "year", "1990s": "decade"} {
		q := questionFor(g, answer)
		if q == nil {
			t.Errorf("no question on %s", answer)
			continue
		}
		if q.Hint != hint || q.Kind != guide.Cloze || q.Target == "" {
			t.Errorf("question on %s: hint %q, kind %s, target %q; want hint %q", answer, q.Hint, q.Kind, q.Target, hint)
		}
	}
	g = quiz(t, "# Space\n\n- **Skylab**: three crews visited **Skylab** from 1973 to 1974, each for weeks of work in orbit.\n")
	if q := questionFor(g, "1973 to 1974"); q == nil || q.Hint != "years" {
		t.Errorf("a range of years: %+v, want the hint \"years\"", q)
	}
}

// TestQuestionsDoNotGiveEachOtherAway checks that of the questions on one
// key point, none shows the answer of a cloze question in its prompt: the
// key point's question names the Balkans and the 1990s and Libya and 2011,
// so no blank hides them there; of a date and a term in one sentence, the
// date is asked.
func TestQuestionsDoNotGiveEachOtherAway(t *testing.T) {
	g := quiz(t, libya)
	for _, q := range g.Study.Questions {
		if q.Target == "term-balkans" || q.Answer == "2011" {
			t.Errorf("asked %q, which its key point's question gives away", prompt(q))
		}
	}
	var kosovo []string
	g = quiz(t, "# Kosovo\n\n## Air war\n\nIn **Kosovo**, NATO launched **Operation Allied Force** in 1999 to stop ethnic cleansing by Serbian forces.\n")
	for _, q := range g.Study.Questions {
		kosovo = append(kosovo, prompt(q))
	}
	if len(kosovo) != 1 || !strings.Contains(kosovo[0], "in ___ to stop") {
		t.Errorf("one sentence with a date and terms asks %q, want its date once", kosovo)
	}
}

func TestKeyPointPrompts(t *testing.T) {
	g := quiz(t, libya)
	want := map[string]string{
		"kp-operation-unified-protector-libya": "What did NATO do in Libya in 2011?",
		"kp-balkans-operations":                "What did NATO do in the Balkans during the 1990s?",
		"kp-resource-limitations":              "Explain: Resource limitations.",
	}
	for _, q := range g.Study.Questions {
		if q.Kind != guide.Short {
			continue
		}
		if w, ok := want[q.Target]; ok {
			if got := prompt(q); got != w {
				t.Errorf("key point %s asks %q, want %q", q.Target, got, w)
			}
			if q.Answer == "" || q.TargetTitle == "" {
				t.Errorf("key point %s: answer %q, where %q", q.Target, q.Answer, q.TargetTitle)
			}
			delete(want, q.Target)
		}
	}
	for id := range want {
		t.Errorf("no question on key point %s", id)
	}
}

func TestKeyPointPromptsOfOtherShapes(t *testing.T) {
	g := quiz(t, `# Space

## Stations and satellites

- **Skylab**: Skylab was the first US space station, launched in 1973.
- **Sputnik**: On 4 October 1957 the USSR launched Sputnik 1, the first artificial satellite.
- **Legacy**: Spending peaked in 1966, and the treaty of 1967 still matters.
`)
	want := map[string]string{
		"kp-skylab":  "What was Skylab?",
		"kp-sputnik": "What did the USSR do on 4 October 1957?",
		"kp-legacy":  "Explain: Legacy.", // "Spending" names no one
	}
	for _, q := range g.Study.Questions {
		if w, ok := want[q.Target]; ok && q.Kind == guide.Short {
			if got := prompt(q); got != w {
				t.Errorf("key point %s asks %q, want %q", q.Target, got, w)
			}
			delete(want, q.Target)
		}
	}
	for id := range want {
		t.Errorf("no question on key point %s", id)
	}
}

func TestPalaceQuestions(t *testing.T) {
	g := quiz(t, libya)
	var got []string
	for _, q := range g.Study.Questions {
		if q.Kind == guide.PalaceRecall {
			got = append(got, prompt(q)+" → "+q.Target)
			if len(q.Section) == 0 || q.Section[0] != "Memory palace" {
				t.Errorf("palace question %q is in section %q", prompt(q), q.Section)
			}
		}
	}
	want := "Which fact lives in room 2, Kitchen? → kp-operation-unified-protector-libya"
	if len(got) != 2 || got[1] != want {
		t.Errorf("palace questions %q, want two, the second %q", got, want)
	}
}

// TestQuestionIDsAreStable checks that a question's id comes from its
// content and place: a rebuild keeps every id, and an edit of one
// sentence, or a sentence added before the others, keeps the ids of the
// questions it does not touch.
func TestQuestionIDsAreStable(t *testing.T) {
	ids := func(notes string) map[string]string {
		g := quiz(t, notes)
		m := map[string]string{}
		for _, q := range g.Study.Questions {
			if m[q.ID] != "" {
				t.Errorf("two questions share the id %s", q.ID)
			}
			if !strings.HasPrefix(q.ID, "q-") || len(q.ID) != 14 {
				t.Errorf("id %q is not q- and twelve hex digits", q.ID)
			}
			m[q.ID] = prompt(q)
		}
		return m
	}
	before := ids(libya)
	if again := ids(libya); len(again) != len(before) {
		t.Fatalf("a rebuild gives %d questions, then %d", len(before), len(again))
	} else {
		for id := range before {
			if again[id] == "" {
				t.Errorf("a rebuild lost the id of %q", before[id])
			}
		}
	}
	edited := strings.Replace(libya, "following the collapse of Yugoslavia", "after Yugoslavia broke up", 1)
	edited = strings.Replace(edited, "## Operations\n", "## Operations\n\nNATO was founded in **Washington** in 1949 by twelve countries of Europe and North America.\n", 1)
	after := ids(edited)
	kept := 0
	for id := range before {
		if after[id] != "" {
			kept++
		}
	}
	// The edited sentence held two questions (the Balkans, the 1990s).
	if kept < len(before)-2 {
		t.Errorf("an edit kept %d of %d ids", kept, len(before))
	}
}

func TestQuestionsInOtherLanguages(t *testing.T) {
	g := quiz(t, `---
lang: fr
---
# La Révolution

## Les causes

1. **Une crise financière** :
   - En 1788, le remboursement de la dette absorbe la moitié des dépenses du royaume.
   - Le **déficit** vient surtout des guerres, dont celle d’indépendance américaine.
`)
	var prompts []string
	for _, q := range g.Study.Questions {
		prompts = append(prompts, prompt(q)+" ["+q.Hint+"]")
	}
	joined := strings.Join(prompts, "\n")
	for _, want := range []string{
		"Expliquez : Une crise financière.",
		"En ___, le remboursement de la dette absorbe la moitié des dépenses du royaume. [année]",
		"Le ___ vient surtout des guerres",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("French questions lack %q:\n%s", want, joined)
		}
	}
}

func TestSelfTestSections(t *testing.T) {
	g := quiz(t, libya)
	var test, answers *guide.Section
	for _, s := range g.Sections {
		switch s.Kind {
		case guide.SelfTest:
			test = s
		case guide.Answers:
			answers = s
		}
	}
	if test == nil || answers == nil || g.Sections[len(g.Sections)-1] != answers {
		t.Fatal("no test, or no answer key at the back")
	}
	items, blanks := 0, 0
	guide.Inspect(test, func(n guide.Node) bool {
		switch n := n.(type) {
		case *guide.List:
			if n.Start != items+1 {
				t.Errorf("a group of questions starts at %d, want %d", n.Start, items+1)
			}
			items += len(n.Items)
		case *guide.Blank:
			blanks++
		}
		return true
	})
	if items != len(g.Study.Questions) || blanks == 0 {
		t.Errorf("the test lists %d questions with %d blanks; the guide has %d questions", items, blanks, len(g.Study.Questions))
	}
	ids := map[string]bool{}
	g.EachID(func(id string) { ids[id] = true })
	refs := 0
	guide.Inspect(answers, func(n guide.Node) bool {
		if r, ok := n.(*guide.Ref); ok {
			refs++
			if !ids[r.Target] {
				t.Errorf("an answer refers to %q, which is not in the guide", r.Target)
			}
		}
		return true
	})
	if refs != len(g.Study.Questions) {
		t.Errorf("%d answers say where they are explained, want %d", refs, len(g.Study.Questions))
	}
}

func TestSelfTestOff(t *testing.T) {
	g, _ := readNote(t, "notes.md", []byte("---\nself_test: false\n---\n"+libya))
	Aids.Run(g, nil)
	for _, s := range g.Sections {
		if s.Kind == guide.SelfTest || s.Kind == guide.Answers {
			t.Errorf("self_test: false, yet the guide has %q", s.Title)
		}
	}
	if len(g.Study.Questions) == 0 {
		t.Error("self_test: false leaves no questions for the other outputs")
	}
}

// TestQuestionsSameOnOneCoreAndOnMany makes the questions of notes whose
// sections repeat one another (the same titles, key points and
// sentences, so the same question ids and prompts) on one core and on
// several: the questions, their ids and their order must be the same,
// and a question asked in one section is not asked again in its copy.
func TestQuestionsSameOnOneCoreAndOnMany(t *testing.T) {
	ops := libya[strings.Index(libya, "## Operations"):strings.Index(libya, "## The Kosovo")]
	notes := "# NATO missions\n\n" + ops + ops + "## Other\n\n" + ops[len("## Operations\n\n"):] + "## The Kosovo Force\n\n" + ops
	one := studyOnCores(t, notes, 1, enrichAll)
	if many := studyOnCores(t, notes, 4, enrichAll); one != many {
		t.Errorf("questions made on one core:\n%s\non four:\n%s", one, many)
	}
	if n := strings.Count(one, "in Libya under a UN mandate"); n == 0 || strings.Count(one, "question ") < 4 {
		t.Fatalf("too few questions to compare:\n%s", one)
	}
	ids := map[string]bool{}
	for _, line := range strings.Split(one, "\n") {
		if id, ok := strings.CutPrefix(line, "question "); ok {
			id, _, _ = strings.Cut(id, " ")
			if ids[id] {
				t.Errorf("question %s asked twice", id)
			}
			ids[id] = true
		}
	}
}

// TestPalaceQuestionsSameOnOneCoreAndOnMany makes the questions of notes
// whose introduction asks about a word that the first room of the mind
// palace names, on one core and on several: the rooms' questions are a
// unit of their own, asked whatever the sections before them asked, so
// both must ask about room 1.
func TestPalaceQuestionsSameOnOneCoreAndOnMany(t *testing.T) {
	notes := `# Cell Respiration

Cells release the energy stored in **glucose** through a chain of steps, most of them inside the **mitochondria**.

## Glycolysis

1. **Splitting glucose**: In the cytoplasm, one **glucose** molecule is split into two **pyruvate** molecules.
2. **Energy payoff**: The cell gains a net of two **ATP** and two **NADH** from each glucose.

## The Krebs Cycle

1. **Link reaction**: Each pyruvate enters the mitochondrion and becomes **acetyl-CoA**.
2. **Turning the cycle**: The **Krebs cycle** releases **carbon dioxide** and loads NADH and **FADH2** with electrons.
`
	runAids := func(g *guide.Guide) { Aids.Run(g, nil) }
	one, many := studyOnCores(t, notes, 1, runAids), studyOnCores(t, notes, 4, runAids)
	if one != many {
		t.Errorf("questions made on one core:\n%s\non four:\n%s", one, many)
	}
	if !strings.Contains(many, "room 1, Splitting glucose") {
		t.Errorf("no question about room 1, Splitting glucose:\n%s", many)
	}
}

// studyOnCores reads notes, adds study aids to them with run on procs
// cores, and returns the dump of the study notes made.
func studyOnCores(t *testing.T, notes string, procs int, run func(*guide.Guide)) string {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	g, _ := readNote(t, "notes.md", []byte(notes))
	run(g)
	var b bytes.Buffer
	dumpStudy(&b, g.Study, false)
	return b.String()
}
