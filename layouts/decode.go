package layouts

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"studyguide/builder/yamlfile"
)

// decode reads one layout file, the last of chain. When it extends another
// layout, that one is loaded first (from dir when it is a path) and the
// file's keys are laid over it; a file that extends nothing must give
// every key. Errors name the file and, where there is one, the line.
func decode(file string, data []byte, dir string, chain []string) (*Layout, error) {
	root, err := yamlfile.Parse(file, data)
	if err != nil {
		return nil, err
	}
	if root.Kind != yamlfile.Mapping {
		return nil, fmt.Errorf("%s:%d: a layout is a mapping of keys to values", file, root.Line)
	}

	var l Layout
	if k, v := root.Get("extends"); v != nil && v.Kind == yamlfile.Scalar && v.Value != "" {
		base, line := v.Value, k.Line
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

	if err := yamlfile.Decode(file, data, &l, layoutWords); err != nil {
		return nil, err
	}
	if l.Name == "" {
		l.Name = baseName(file)
	}
	if err := l.check(); err != nil {
		var fe fieldError
		if errors.As(err, &fe) {
			if line := root.KeyLine(fe.key); line > 0 {
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

// layoutWords names the types of a layout's values as its author knows
// them.
var layoutWords = yamlfile.Words{
	Values: map[string]string{
		"float64":        "a number",
		"[]float64":      "a list of numbers",
		"bool":           "true or false",
		"string":         "a word",
		"layouts.Header": "a word",
		"layouts.Footer": "a word",
		"layouts.Paper":  "a word",
		"layouts.Fonts":  "a mapping of body, headings and code to font families",
	},
	UnknownKey: map[string]string{
		"layouts.Fonts": "unknown key fonts.%s (fonts has body, headings and code)",
	},
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
