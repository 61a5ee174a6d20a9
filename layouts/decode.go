package layouts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// decode reads one layout file, the last of chain. When it extends another
// layout, that one is loaded first (from dir when it is a path) and the
// file's keys are laid over it; a file that extends nothing must give
// every key. Errors name the file and, where there is one, the line.
func decode(file string, data []byte, dir string, chain []string) (*Layout, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, errors.New(yamlMessage(file, err))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: a layout is a mapping of keys to values", file, max(root.Line, 1))
	}

	var l Layout
	if base, line := stringKey(root, "extends"); base != "" {
		parent, err := load(base, dir, chain)
		var loop loopError
		if errors.As(err, &loop) {
			return nil, err
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: extends: %w", file, line, err)
		}
		l = *parent
		l.HeadingSize = slices.Clone(parent.HeadingSize)
		l.Name, l.Description = "", ""
	}

	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&l); err != nil && !errors.Is(err, io.EOF) {
		return nil, errors.New(yamlMessage(file, err))
	}
	if l.Name == "" {
		l.Name = baseName(file)
	}
	if err := l.check(); err != nil {
		var fe fieldError
		if errors.As(err, &fe) {
			if line := keyLine(root, fe.key); line > 0 {
				return nil, fmt.Errorf("%s:%d: %s", file, line, fe.msg)
			}
			if l.Extends == "" {
				return nil, fmt.Errorf("%s: %s is missing: set it, or start from a built-in layout with extends: %s", file, fe.key, Default)
			}
			return nil, fmt.Errorf("%s: %s", file, fe.msg)
		}
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &l, nil
}

// yamlLine matches one message of the YAML library: "line N: message".
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlWrongType matches the library's message for a value of the wrong
// type.
var yamlWrongType = regexp.MustCompile("^cannot unmarshal !!\\w+ `(.*)` into (\\S+)$")

// yamlMessage turns a YAML error into messages of the form
// "file:N: message", one a line, in words a layout's author knows.
func yamlMessage(file string, err error) string {
	msgs := []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for i, m := range msgs {
		line := ""
		if g := yamlLine.FindStringSubmatch(m); g != nil {
			line, m = g[1]+":", g[2]
		}
		m = strings.TrimPrefix(m, "yaml: ")
		if g := yamlWrongType.FindStringSubmatch(m); g != nil {
			want := "a " + g[2]
			switch g[2] {
			case "float64":
				want = "a number"
			case "[]float64":
				want = "a list of numbers"
			case "bool":
				want = "true or false"
			case "string", "layouts.Header", "layouts.Footer", "layouts.Paper":
				want = "a word"
			case "layouts.Fonts":
				want = "a mapping of body, headings and code to font families"
			}
			m = fmt.Sprintf("%q is not %s", g[1], want)
		} else if key, ok := strings.CutPrefix(m, "field "); ok {
			if key, ok = strings.CutSuffix(key, " not found in type layouts.Layout"); ok {
				m = "unknown key " + key
			} else if key, ok = strings.CutSuffix(key, " not found in type layouts.Fonts"); ok {
				m = "unknown key fonts." + key + " (fonts has body, headings and code)"
			}
		}
		msgs[i] = file + ":" + line + " " + m
	}
	return strings.Join(msgs, "\n")
}

// stringKey returns the scalar value of a top-level key and its line.
func stringKey(root *yaml.Node, key string) (string, int) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == key && v.Kind == yaml.ScalarNode {
			return v.Value, v.Line
		}
	}
	return "", 0
}

// keyLine returns the line of a key given as a dotted path ("fonts.body"),
// or of the nearest enclosing key the file has, or 0 when the file has
// none of them (the value came from the layout it extends).
func keyLine(root *yaml.Node, key string) int {
	line := 0
	node := root
	for part := range strings.SplitSeq(key, ".") {
		found := false
		for i := 0; node != nil && node.Kind == yaml.MappingNode && i+1 < len(node.Content); i += 2 {
			if node.Content[i].Value == part {
				line = node.Content[i].Line
				node = node.Content[i+1]
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	return line
}

// baseName is a file's name without its folder and extension.
func baseName(file string) string {
	i := strings.LastIndexAny(file, `/\`)
	name := file[i+1:]
	if j := strings.LastIndexByte(name, '.'); j > 0 {
		name = name[:j]
	}
	return name
}
