package builder

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "studyguide"

// libraryDoors names, for each third-party import path prefix, the one
// package of ours allowed to import it.
var libraryDoors = map[string]string{
	"github.com/yuin/goldmark":         "builder/markdown",
	"go.abhg.dev/goldmark/frontmatter": "builder/markdown",
	"golang.org/x/image/font/sfnt":     "fonts",
	"golang.org/x/image":               "builder/cover",
	"gopkg.in/yaml.v3":                 "builder/yamlfile",
	"golang.org/x/text":                "builder/enrich",
	"github.com/fsnotify/fsnotify":     "builder/watch",
	"modernc.org/sqlite":               "builder/anki",
	"github.com/klauspost/compress":    "builder/internal/deflate",
}

// stageImports lists the packages of ours that each package may import.
// A package missing from this table may import none of ours.
var stageImports = map[string][]string{
	"builder/diag":               {},
	"builder/guide":              {"builder/diag", "builder/figure", "builder/texmath"},
	"builder/texmath":            {},
	"builder/figure":             {},
	"builder/impose":             {"builder/internal/pdfxref"},
	"builder/internal/allkinds":  {"builder/guide", "builder/figure", "builder/texmath"},
	"builder/internal/checkers":  {},
	"builder/internal/pdfxref":   {},
	"builder/internal/pdfobj":    {"builder/internal/deflate"},
	"builder/internal/deflate":   {},
	"builder/internal/workers":   {},
	"builder/internal/testnotes": {"builder/diag", "builder/guide", "builder/markdown", "builder/aids"},
	// The generator of the course reader, for bench/compare.sh.
	"builder/internal/testnotes/gen": {"builder/internal/testnotes"},
	// The generator of the fonts' tables.
	"fonts/gen":            {"fonts"},
	"builder/anki":         {"builder/guide"},
	"builder/aids":         {"builder/guide", "builder/enrich", "builder/palace", "builder/internal/workers"},
	"builder/enrich":       {"builder/diag", "builder/guide", "builder/labels", "builder/internal/workers"},
	"builder/palace":       {"builder/diag", "builder/guide", "builder/figure", "builder/labels", "builder/palace/icons", "fonts", "builder/internal/workers"},
	"builder/palace/icons": {},
	"builder/labels":       {},
	"builder/markdown":     {"builder/diag", "builder/guide", "builder/labels", "builder/texmath", "builder/internal/workers"},
	"builder/cover":        {"fonts", "builder/internal/deflate"},
	"builder/epub":         {"builder/guide", "builder/texmath", "builder/cover", "builder/figure", "builder/labels", "fonts", "layouts", "builder/diag", "builder/internal/deflate"},
	"builder/cards":        {"builder/guide"},
	"builder/mathbox":      {"builder/texmath", "fonts"},
	"builder/pdf":          {"builder/guide", "builder/texmath", "builder/mathbox", "builder/cards", "builder/figure", "builder/labels", "fonts", "layouts", "builder/diag", "builder/internal/pdfobj"},
	"builder/course":       {"builder/diag", "builder/yamlfile"},
	"builder/driver":       {"builder/course", "builder/diag", "builder/guide", "builder/markdown", "builder/aids", "builder/outputs", "layouts"},
	"builder/watch":        {},
	"builder/yamlfile":     {},
	"builder/outputs":      {"builder/guide", "builder/anki", "builder/cards", "builder/epub", "builder/pdf", "builder/impose", "layouts"},
	"cmd/studyguide":       {"builder/driver", "builder/aids", "builder/course", "builder/outputs", "layouts", "builder/watch"},
	"fonts":                {},
	"layouts":              {"builder/yamlfile"},
}

// TestImports keeps each library behind one door and each stage from
// reaching into another: readers and writers meet only at the guide model.
func TestImports(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	imports := map[string]map[string]bool{} // our package -> imports
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "out" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		pkg := filepath.ToSlash(rel)
		if imports[pkg] == nil {
			imports[pkg] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			imports[pkg][ip] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg, imps := range imports {
		for ip := range imps {
			if ours, ok := strings.CutPrefix(ip, module+"/"); ok {
				if !contains(stageImports[pkg], ours) {
					t.Errorf("%s imports %s; allowed: %v", pkg, ours, stageImports[pkg])
				}
				continue
			}
			if isStandard(ip) {
				continue
			}
			door, known := doorFor(ip)
			if !known {
				t.Errorf("%s imports %s, a library with no door in libraryDoors", pkg, ip)
			} else if !contains(strings.Fields(door), pkg) {
				t.Errorf("%s imports %s; only %s may", pkg, ip, door)
			}
		}
	}
}

// doorFor returns the package allowed to import importPath: the door of
// the longest matching prefix in libraryDoors.
func doorFor(importPath string) (door string, ok bool) {
	best := ""
	for prefix, d := range libraryDoors {
		if (importPath == prefix || strings.HasPrefix(importPath, prefix+"/")) && len(prefix) > len(best) {
			best, door, ok = prefix, d, true
		}
	}
	return door, ok
}

// isStandard reports whether an import path belongs to the standard
// library: its first element has no dot.
func isStandard(importPath string) bool {
	first, _, _ := strings.Cut(importPath, "/")
	return !strings.Contains(first, ".") && first != module
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
