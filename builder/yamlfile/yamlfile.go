// Package yamlfile reads the small YAML files a build takes besides front
// matter: layout files and course.yaml. It reads them strictly (a key the
// destination does not have is an error) and words every error as
// "file:line: message" in the terms the file's author knows, not in the
// Go types the file is decoded into. It is the one importer of the YAML
// library, so its callers hold this package's Node, never the library's.
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Kind is what a node of a file holds.
type Kind int

// The kinds of node. Other is an alias or anything else the reader does
// not follow.
const (
	Other Kind = iota
	Scalar
	List
	Mapping
)

// String says what a node of the kind is, as a message puts it: "one
// value", "a list", "a mapping".
func (k Kind) String() string {
	switch k {
	case List:
		return "a list"
	case Mapping:
		return "a mapping"
	case Scalar:
		return "one value"
	}
	return "an alias"
}

// Node is one value of a file and the line it starts on.
type Node struct {
	Kind Kind
	// Value is the text of a scalar.
	Value string
	Line  int
	// Items are the items of a list.
	Items []*Node
	// Keys and Values are the pairs of a mapping, in the file's order.
	Keys, Values []*Node
}

// Get returns the key named key of a mapping and its value, or nils when
// the node is not a mapping or has no such key.
func (n *Node) Get(key string) (k, v *Node) {
	if n == nil {
		return nil, nil
	}
	for i, k := range n.Keys {
		if k.Value == key {
			return k, n.Values[i]
		}
	}
	return nil, nil
}

// KeyLine returns the line of a key given as a dotted path ("fonts.body"),
// or of the nearest enclosing key the file has, or 0 when the file has
// none of them.
func (n *Node) KeyLine(path string) int {
	line := 0
	for part := range strings.SplitSeq(path, ".") {
		k, v := n.Get(part)
		if k == nil {
			break
		}
		line, n = k.Line, v
	}
	return line
}

// Parse reads data, the text of file, as one YAML document and returns
// its top node (of kind Other for an empty file). A syntax error is returned as
// "file:line: message".
func Parse(file string, data []byte) (*Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, errors.New(message(file, err, Words{}))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return convert(root), nil
}

// convert copies the library's node into ours. Aliases are not followed,
// so a file of aliases cannot make the copy grow past the file.
func convert(y *yaml.Node) *Node {
	n := &Node{Line: max(y.Line, 1)}
	switch y.Kind {
	case yaml.ScalarNode:
		n.Kind, n.Value = Scalar, y.Value
	case yaml.SequenceNode:
		n.Kind = List
		for _, c := range y.Content {
			n.Items = append(n.Items, convert(c))
		}
	case yaml.MappingNode:
		n.Kind = Mapping
		for i := 0; i+1 < len(y.Content); i += 2 {
			n.Keys = append(n.Keys, convert(y.Content[i]))
			n.Values = append(n.Values, convert(y.Content[i+1]))
		}
	}
	return n
}

// Words tells how the errors of a Decode speak of the destination's Go
// types.
type Words struct {
	// Values names what a value of each Go type is, as the file's author
	// would say it: "float64" → "a number". A type not named is called
	// "a" followed by its Go name.
	Values map[string]string
	// UnknownKey gives, for each Go struct type (as "package.Type"), the
	// message for a key it does not have, with %s where the key goes:
	// "unknown key fonts.%s (fonts has body, headings and code)".
	UnknownKey map[string]string
}

// Decode decodes data, the text of file, into v, which points to a
// struct whose fields carry yaml tags. A key v has no field for is an
// error, as is a value of the wrong type; every error is given as one
// "file:line: message" a line, in the terms of words.
func Decode(file string, data []byte, v any, words Words) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return errors.New(message(file, err, words))
	}
	return nil
}

// Any is the type of a field whose key the caller reads from the tree
// Parse returns: Decode takes any value for it.
type Any struct{}

// UnmarshalYAML accepts any value.
func (*Any) UnmarshalYAML(*yaml.Node) error { return nil }

// The YAML library's messages are matched only when a file has an error,
// so the expressions are compiled when first used.
//
// lineMessage matches one message of the YAML library: "line N: message".
var lineMessage = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`) })

// wrongType matches the library's message for a value of the wrong type.
var wrongType = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("^cannot unmarshal !!\\w+ `(.*)` into (\\S+)$")
})

// unknownField matches the library's message for a key the destination
// has no field for.
var unknownField = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^field (.*) not found in type (\S+)$`) })

// message turns an error of the YAML library into messages of the form
// "file:N: message", one a line.
func message(file string, err error, words Words) string {
	msgs := []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for i, m := range msgs {
		line := ""
		if g := lineMessage().FindStringSubmatch(m); g != nil {
			line, m = g[1]+":", g[2]
		}
		m = strings.TrimPrefix(m, "yaml: ")
		if g := wrongType().FindStringSubmatch(m); g != nil {
			want, ok := words.Values[g[2]]
			if !ok {
				want = "a " + g[2]
			}
			m = fmt.Sprintf("%q is not %s", g[1], want)
		} else if g := unknownField().FindStringSubmatch(m); g != nil {
			format, ok := words.UnknownKey[g[2]]
			if !ok {
				format = "unknown key %s"
			}
			m = fmt.Sprintf(format, g[1])
		}
		msgs[i] = file + ":" + line + " " + m
	}
	return strings.Join(msgs, "\n")
}
