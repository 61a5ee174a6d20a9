package epub

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// decoderCheck is what encoding/xml's strict decoder makes of data, read
// to the end. Whatever it rejects, checkXML must reject too.
func decoderCheck(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// wellFormedPage is a small page with what the writer's pages hold:
// prologue, doctype, namespaces, references, an SVG drawing, a comment.
const wellFormedPage = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head>
<meta charset="utf-8"/>
<title>Rivers &amp; Deltas</title>
</head>
<body class="section" epub:type="bodymatter">
<section class="level-1" epub:type="chapter">
<h1 id="s1">Rivers &#8211; &#x2014; &lt;b&gt; &quot;q&quot; &apos;a&apos; é—“”</h1>
<!-- a comment -->
<p>Tom &amp; Jerry<br/>a line</p>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><a xlink:href="#s1"><text x='1' y = "2">A</text></a></svg>
<pre><![CDATA[x < y && z]]></pre>
<?pi some data?>
</section>
</body>
</html>
`

func TestCheckXMLAcceptsWellFormedDocuments(t *testing.T) {
	for _, doc := range wellFormedDocuments {
		if err := checkXML([]byte(doc)); err != nil {
			t.Errorf("checkXML(%q) = %v; want nil", doc, err)
		}
	}
}

// wellFormedDocuments are documents checkXML must accept.
var wellFormedDocuments = []string{
	wellFormedPage,
	`<a/>`,
	"\uFEFF<?xml version='1.0'?><a> </a>\n",
	`<?xml version="1.0" encoding="utf-8" standalone="yes" ?><!-- c --><a b="1"	c='2'/><?pi?>`,
	`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd"><a/>`,
	"<a>\t\r\n&#9;&#xA;&#x10FFFF;]]</a>",
}

// malformedDocuments are documents checkXML must reject, each with a
// piece of the error it must give.
func malformedDocuments() []struct{ doc, want string } {
	page := func(body string) string {
		return strings.Replace(wellFormedPage, "<p>Tom &amp; Jerry<br/>a line</p>", body, 1)
	}
	return []struct{ doc, want string }{
		{page("<p>unclosed"), "closed by"},
		{page("<p>a</div>"), "element <p> closed by </div>"},
		{page("</p>"), "closed by"},
		{page("<p><em>a</p></em>"), "element <em> closed by </p>"},
		{page("<p>Tom & Jerry</p>"), "starts no reference"},
		{page("<p>&nbsp;</p>"), "unknown entity"},
		{page("<p>&#0;</p>"), "does not allow"},
		{page("<p>&#xD800;</p>"), "does not allow"},
		{page("<p>&#x110000;</p>"), "invalid character reference"},
		{page("<p>&#;</p>"), "invalid character reference"},
		{page("<p>&#x12g;</p>"), "invalid character reference"},
		{page("<p>a < b</p>"), "name"},
		{page("<p>a ]]> b</p>"), "]]>"},
		{page("<p>\x01</p>"), "not allowed"},
		{page("<p>\uFFFE</p>"), "not allowed"},
		{page("<p>\xff</p>"), "invalid UTF-8"},
		{page(`<p class=x>a</p>`), "not quoted"},
		{page(`<p class="x>a</p>`), "'<' in the value"},
		{page(`<p class>a</p>`), "expected ="},
		{page(`<p class="a" class="b">a</p>`), "repeated"},
		{page(`<p class="a"id="b">a</p>`), "white space"},
		{page(`<p title="&bogus;">a</p>`), "unknown entity"},
		{page(`<p title="a` + "\x00" + `">a</p>`), "not allowed"},
		{page(`<p/ >`), "expected />"},
		{page(`<1p/>`), "name"},
		{page(`<a:b:c/>`), "two colons"},
		{page(`<p:/>`), "no local name"},
		{page(`<ex:p/>`), "prefix ex of ex:p is not declared"},
		{page(`<p ex:a="1"/>`), "prefix ex of ex:a is not declared"},
		{page(`<pé/>`), "outside ASCII"},
		{page(`<!-- a -- b -->`), "inside a comment"},
		{page(`<!-- open`), "not closed"},
		{`<a><![CDATA[open`, "not closed"},
		{page(`<!ENTITY x "y">`), "declaration inside an element"},
		{page(`<?xml version="1.0"?>`), "not at the start"},
		{`<a><?pi open`, "not closed"},
		{strings.TrimSuffix(wellFormedPage, "</html>\n"), "is not closed"},
		{wellFormedPage + "<p/>", "after the root element"},
		{wellFormedPage + "text", "after the root element"},
		{"text<a/>", "before the root element"},
		{"", "no root element"},
		{`<?xml version="1.1"?><a/>`, "only 1.0"},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, "only UTF-8"},
		{`<?xml encoding="UTF-8"?><a/>`, "without version"},
		{`<!DOCTYPE a [<!ENTITY x "y">]><a/>`, "internal subset"},
		{`<!DOCTYPE a><!DOCTYPE a><a/>`, "second document type"},
		{page("<p>a ]]"), "closed by"},
	}
}

func TestCheckXMLRejectsMalformedDocuments(t *testing.T) {
	for _, tc := range malformedDocuments() {
		err := checkXML([]byte(tc.doc))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("checkXML(%q) = %v; want an error with %q", tc.doc, err, tc.want)
		}
	}
}

// streamCheck checks doc with an xmlStream, in pieces that end at cuts,
// and returns the first error, checking that no piece's error comes
// after the last piece's.
func streamCheck(doc []byte, cuts ...int) error {
	var s xmlStream
	from := 0
	for _, cut := range cuts {
		// Each piece is handed over in a buffer that is overwritten
		// after, as a page's buffer is reused.
		piece := bytes.Clone(doc[from:cut])
		err := s.feed(piece, false)
		clear(piece)
		if err != nil {
			return err
		}
		from = cut
	}
	return s.feed(bytes.Clone(doc[from:]), true)
}

func TestCheckXMLInPiecesGivesTheVerdictOfTheWhole(t *testing.T) {
	docs := slices.Clone(wellFormedDocuments)
	for _, tc := range malformedDocuments() {
		docs = append(docs, tc.doc)
	}
	docs = append(docs, "<a>\n<b>\n</c>\n</a>", "<a>é\n&amp;\n<b c='&#233;'>\n]]\n</b></a>")
	for _, doc := range docs {
		data := []byte(doc)
		want := fmt.Sprint(checkXML(data))
		for cut := 0; cut <= len(data); cut++ {
			if got := fmt.Sprint(streamCheck(data, cut)); got != want {
				t.Errorf("%q cut at %d: %s; whole: %s", doc, cut, got, want)
			}
		}
		for cut := 0; cut+7 <= len(data); cut += 3 {
			if got := fmt.Sprint(streamCheck(data, cut, cut+1, cut+7)); got != want {
				t.Errorf("%q cut at %d, %d and %d: %s; whole: %s", doc, cut, cut+1, cut+7, got, want)
			}
		}
	}
}

func TestCheckXMLNamesTheLine(t *testing.T) {
	err := checkXML([]byte("<a>\n<b>\n</c>\n</a>"))
	if err == nil || !strings.HasPrefix(err.Error(), "line 3: ") {
		t.Fatalf("err = %v; want it on line 3", err)
	}
}

// checkAtLeastAsStrict fails when encoding/xml's decoder rejects data and
// checkXML lets it through.
func checkAtLeastAsStrict(t *testing.T, data []byte) {
	t.Helper()
	if want := decoderCheck(data); want != nil && checkXML(data) == nil {
		t.Errorf("checkXML accepts %q, which encoding/xml rejects: %v", data, want)
	}
}

func TestCheckXMLIsAtLeastAsStrictAsEncodingXML(t *testing.T) {
	b := sampleBook(t)
	var seeds [][]byte
	for _, n := range b.names {
		if strings.HasSuffix(n, ".xhtml") || strings.HasSuffix(n, ".opf") || strings.HasSuffix(n, ".ncx") {
			seeds = append(seeds, b.files[n])
		}
	}
	seeds = append(seeds, []byte(wellFormedPage))
	for _, s := range seeds {
		if err := checkXML(s); err != nil {
			t.Fatalf("a page of the writer is rejected: %v", err)
		}
	}
	// Each mutation breaks a copy of a page the way a writer bug might:
	// a byte dropped, doubled or replaced, or a piece of markup inserted.
	inserts := []string{"<", ">", "&", "&amp;", ";", "\"", "'", "/", "</p>", "<p>", "]]>", "<!--", "-->", "--",
		"<![CDATA[", "<?", "?>", "\x00", "\xff", "é", ":", "=", " ", "\n", "x:", "<!DOCTYPE a>", "&#", "#x"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 4000 {
		s := seeds[r.IntN(len(seeds))]
		data := bytes.Clone(s)
		for range 1 + r.IntN(3) {
			if len(data) == 0 {
				break
			}
			i := r.IntN(len(data))
			switch r.IntN(4) {
			case 0:
				data = append(data[:i:i], data[i+1:]...)
			case 1:
				data = append(data[:i+1:i+1], data[i:]...)
			case 2:
				data[i] = byte(r.IntN(256))
			default:
				data = append(data[:i:i], append([]byte(inserts[r.IntN(len(inserts))]), data[i:]...)...)
			}
		}
		checkAtLeastAsStrict(t, data)
	}
}

func FuzzCheckXML(f *testing.F) {
	f.Add([]byte(wellFormedPage))
	f.Add([]byte(`<a b="1"><c/>&amp;</a>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkAtLeastAsStrict(t, data) })
}
