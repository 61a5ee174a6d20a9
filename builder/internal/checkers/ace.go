package checkers

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// aceBatchSource is the Node program that checks several books with Ace
// in one run of Node and of Chromium.
//
//go:embed ace-batch.js
var aceBatchSource []byte

// AceCommand is the command npm installs for Ace by DAISY (the package
// @daisy/ace-cli).
const AceCommand = "ace-cli"

// AceViolation is one rule of Ace's that a page of a book breaks.
type AceViolation struct {
	// Rule is the rule's name, such as "landmark-unique"; File the
	// page or package file, Impact how much it hurts ("minor",
	// "moderate", "serious", "critical").
	Rule, File, Impact string
	// Description says what is wrong; Where lists the elements, as CSS
	// selectors.
	Description string
	Where       []string
}

// String writes the violation on one line: rule, file, impact, what and
// where.
func (v AceViolation) String() string {
	return fmt.Sprintf("%s in %s (%s): %s %v", v.Rule, v.File, v.Impact, v.Description, v.Where)
}

// AceReport is what Ace said about one book.
type AceReport struct {
	Book string
	// Outcome is "pass" or "fail".
	Outcome    string
	Violations []AceViolation
	// ConformsTo is the conformance the package claims, as Ace read it;
	// Missing the accessibility metadata Ace looked for and did not find.
	ConformsTo string
	Missing    []string
}

// Ace checks the books with Ace by DAISY, all in one run, and returns one
// report a book, in the order of books. It skips or fails the test as
// Require does when Ace, Node or Chromium is missing, and fails it when
// Ace could not check a book.
func Ace(t testing.TB, books ...string) []AceReport {
	t.Helper()
	Require(t, AceCommand)
	reports, err := RunAce(books...)
	if err != nil {
		t.Fatal(err)
	}
	return reports
}

// missingAce says why Ace cannot run here: it needs node, the ace-cli
// command and Chromium (see aceBrowser).
func missingAce() error {
	if _, err := exec.LookPath("node"); err != nil {
		return err
	}
	if _, err := aceDir(); err != nil {
		return err
	}
	_, err := aceBrowser()
	return err
}

// aceDir returns the folder of the installed @daisy/ace-cli package, from
// the command npm links to it.
func aceDir() (string, error) {
	cmd, err := exec.LookPath(AceCommand)
	if err != nil {
		return "", err
	}
	script, err := filepath.EvalSymlinks(cmd)
	if err != nil {
		return "", err
	}
	dir := filepath.Dir(filepath.Dir(script)) // .../@daisy/ace-cli/bin/ace.js
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		return "", fmt.Errorf("%s does not lead to the @daisy/ace-cli package: %v", cmd, err)
	}
	return dir, nil
}

// aceBrowser returns the browser Ace is to drive:
// PUPPETEER_EXECUTABLE_PATH when set, else the system's Chromium.
func aceBrowser() (string, error) {
	if p := os.Getenv("PUPPETEER_EXECUTABLE_PATH"); p != "" {
		_, err := os.Stat(p)
		return p, err
	}
	return chromium()
}

// RunAce is Ace without a test: it returns an error when Ace is missing
// or could not check a book.
func RunAce(books ...string) ([]AceReport, error) {
	if len(books) == 0 {
		return nil, nil
	}
	if err := missingAce(); err != nil {
		return nil, fmt.Errorf("ace is not installed: %v", err)
	}
	dir, _ := aceDir()
	browser, _ := aceBrowser()
	work, err := os.MkdirTemp("", "ace-batch-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	script := filepath.Join(work, "ace-batch.js")
	if err := os.WriteFile(script, aceBatchSource, 0o644); err != nil {
		return nil, err
	}
	nonce := make([]byte, 8)
	rand.Read(nonce)
	marker := "@@ace-batch-" + hex.EncodeToString(nonce)
	abs := make([]string, len(books))
	for i, b := range books {
		if abs[i], err = filepath.Abs(b); err != nil {
			return nil, err
		}
	}
	cmd := exec.Command("node", append([]string{script, dir, work, marker}, abs...)...)
	cmd.Env = append(os.Environ(), "PUPPETEER_EXECUTABLE_PATH="+browser, "PUPPETEER_SKIP_DOWNLOAD=1")
	out, runErr := cmd.CombinedOutput()
	text := string(out)
	reports := make([]AceReport, len(books))
	for i, book := range books {
		n := strconv.Itoa(i + 1)
		if !strings.Contains(text, marker+" done "+n+"\n") {
			return nil, fmt.Errorf("ace could not check %s (%v):\n%s", book, runErr, text)
		}
		r, err := readAceReport(filepath.Join(work, n, "report.json"))
		if err != nil {
			return nil, fmt.Errorf("ace's report on %s: %v", book, err)
		}
		r.Book = book
		reports[i] = r
	}
	return reports, nil
}

// aceJSON is the part of Ace's report.json that the tests read.
type aceJSON struct {
	Result struct {
		Outcome string `json:"earl:outcome"`
	} `json:"earl:result"`
	Assertions []struct {
		Subject struct {
			URL string `json:"url"`
		} `json:"earl:testSubject"`
		Assertions []struct {
			Test struct {
				Title  string `json:"dct:title"`
				Impact string `json:"earl:impact"`
			} `json:"earl:test"`
			Result struct {
				Description string `json:"dct:description"`
				Pointer     struct {
					CSS []string `json:"css"`
				} `json:"earl:pointer"`
			} `json:"earl:result"`
		} `json:"assertions"`
	} `json:"assertions"`
	Metadata struct {
		Missing []string `json:"missing"`
	} `json:"a11y-metadata"`
	Book struct {
		Metadata map[string]json.RawMessage `json:"metadata"`
	} `json:"earl:testSubject"`
}

// readAceReport reads one book's report.json.
func readAceReport(path string) (AceReport, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return AceReport{}, err
	}
	var j aceJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return AceReport{}, err
	}
	r := AceReport{Outcome: j.Result.Outcome, Missing: j.Metadata.Missing}
	if r.Outcome == "" {
		return AceReport{}, fmt.Errorf("no outcome in %s", path)
	}
	for _, a := range j.Assertions {
		for _, b := range a.Assertions {
			r.Violations = append(r.Violations, AceViolation{
				Rule:        b.Test.Title,
				File:        a.Subject.URL,
				Impact:      b.Test.Impact,
				Description: b.Result.Description,
				Where:       b.Result.Pointer.CSS,
			})
		}
	}
	if raw, ok := j.Book.Metadata["dcterms:conformsTo"]; ok {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			r.ConformsTo = s
		} else {
			var ss []string
			if json.Unmarshal(raw, &ss) == nil {
				r.ConformsTo = strings.Join(ss, "; ")
			}
		}
	}
	return r, nil
}
