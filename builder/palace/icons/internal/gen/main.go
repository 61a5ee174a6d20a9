// Gen writes icons.json, the pictogram set of package icons, from an
// unpacked copy of the lucide-static npm package and the curated list in
// curated.txt:
//
//	npm pack lucide-static@1.62.0 && tar xzf lucide-static-1.62.0.tgz
//	go run ./builder/palace/icons/internal/gen -lucide package -o builder/palace/icons/icons.json
//
// For every icon of the list it takes Lucide's tags, adds and drops the
// words the list names, and turns each of the icon's SVG elements
// (path, circle, ellipse, rect, line, polyline, polygon) into path data,
// so that the set needs only a path parser to draw. The build never runs
// it; its output is kept in the repository.
package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

//go:embed curated.txt
var curated string

func main() {
	lucide := flag.String("lucide", "package", "folder of the unpacked lucide-static package")
	out := flag.String("o", "", "file to write (default: standard output)")
	flag.Parse()
	data, err := generate(*lucide)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if *out == "" {
		_, err = os.Stdout.Write(data)
	} else {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// entry is one line of curated.txt.
type entry struct {
	name      string
	add, drop []string
}

// icon is one icon as icons.json holds it.
type icon struct {
	Name  string   `json:"name"`
	Tags  []string `json:"tags"`
	Paths []string `json:"paths"`
}

func generate(dir string) ([]byte, error) {
	var pkg struct{ Version string }
	var tags map[string][]string
	var nodes map[string][][2]json.RawMessage
	for _, in := range []struct {
		file string
		v    any
	}{{"package.json", &pkg}, {"tags.json", &tags}, {"icon-nodes.json", &nodes}} {
		file, v := in.file, in.v
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, v); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
	}
	entries, err := parseCurated(curated)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "{\"source\": %q,\n\"icons\": [\n", "lucide-static "+pkg.Version)
	for i, e := range entries {
		els, ok := nodes[e.name]
		if !ok {
			return nil, fmt.Errorf("curated.txt names %q, which lucide-static %s does not have", e.name, pkg.Version)
		}
		ic := icon{Name: e.name, Tags: mergeTags(tags[e.name], e.add, e.drop)}
		for _, el := range els {
			var kind string
			var attrs map[string]string
			if err := json.Unmarshal(el[0], &kind); err != nil {
				return nil, err
			}
			if err := json.Unmarshal(el[1], &attrs); err != nil {
				return nil, err
			}
			d, err := pathData(kind, attrs)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", e.name, err)
			}
			ic.Paths = append(ic.Paths, d)
		}
		line, err := json.Marshal(ic)
		if err != nil {
			return nil, err
		}
		b.Write(line)
		if i < len(entries)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return []byte(b.String()), nil
}

// parseCurated reads "name: word, word, -dropped" lines; # starts a
// comment.
func parseCurated(text string) ([]entry, error) {
	var out []entry
	seen := map[string]bool{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, rest, _ := strings.Cut(line, ":")
		name = strings.TrimSpace(name)
		if seen[name] {
			return nil, fmt.Errorf("curated.txt:%d: %s listed twice", n+1, name)
		}
		seen[name] = true
		e := entry{name: name}
		for _, w := range strings.Split(rest, ",") {
			w = strings.ToLower(strings.TrimSpace(w))
			switch {
			case w == "":
			case strings.HasPrefix(w, "-") && len(w) > 1:
				e.drop = append(e.drop, w[1:])
			default:
				e.add = append(e.add, w)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// mergeTags returns Lucide's tags without the dropped ones, then the added
// ones, each once, lower case.
func mergeTags(lucide, add, drop []string) []string {
	seen := map[string]bool{}
	for _, d := range drop {
		seen[d] = true
	}
	var out []string
	for _, t := range append(append([]string{}, lucide...), add...) {
		t = strings.ToLower(strings.TrimSpace(t))
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// pathData returns an SVG element of an icon as path data.
func pathData(kind string, a map[string]string) (string, error) {
	num := func(k string) float64 {
		v, _ := strconv.ParseFloat(a[k], 64)
		return v
	}
	switch kind {
	case "path":
		return a["d"], nil
	case "line":
		return fmt.Sprintf("M%s %sL%s %s", f(num("x1")), f(num("y1")), f(num("x2")), f(num("y2"))), nil
	case "circle":
		return ellipse(num("cx"), num("cy"), num("r"), num("r")), nil
	case "ellipse":
		return ellipse(num("cx"), num("cy"), num("rx"), num("ry")), nil
	case "rect":
		x, y, w, h := num("x"), num("y"), num("width"), num("height")
		rx, ry := num("rx"), num("ry")
		if _, ok := a["ry"]; !ok {
			ry = rx
		}
		if _, ok := a["rx"]; !ok {
			rx = ry
		}
		rx, ry = math.Min(rx, w/2), math.Min(ry, h/2)
		if rx <= 0 || ry <= 0 {
			return fmt.Sprintf("M%s %sh%sv%sh%sZ", f(x), f(y), f(w), f(h), f(-w)), nil
		}
		arc := func(dx, dy float64) string {
			return fmt.Sprintf("a%s %s 0 0 1 %s %s", f(rx), f(ry), f(dx), f(dy))
		}
		return fmt.Sprintf("M%s %sh%s%sv%s%sh%s%sv%s%sZ",
			f(x+rx), f(y), f(w-2*rx), arc(rx, ry), f(h-2*ry), arc(-rx, ry),
			f(-(w - 2*rx)), arc(-rx, -ry), f(-(h - 2*ry)), arc(rx, -ry)), nil
	case "polyline", "polygon":
		fields := strings.FieldsFunc(a["points"], func(r rune) bool { return r == ' ' || r == ',' })
		if len(fields) < 4 || len(fields)%2 != 0 {
			return "", fmt.Errorf("%s with points %q", kind, a["points"])
		}
		d := "M" + fields[0] + " " + fields[1]
		for i := 2; i < len(fields); i += 2 {
			d += "L" + fields[i] + " " + fields[i+1]
		}
		if kind == "polygon" {
			d += "Z"
		}
		return d, nil
	}
	return "", fmt.Errorf("unknown element %s", kind)
}

// ellipse returns path data for a full ellipse as two half arcs.
func ellipse(cx, cy, rx, ry float64) string {
	return fmt.Sprintf("M%s %sa%s %s 0 1 0 %s 0a%s %s 0 1 0 %s 0",
		f(cx-rx), f(cy), f(rx), f(ry), f(2*rx), f(rx), f(ry), f(-2*rx))
}

// f formats a number without trailing zeros.
func f(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}
