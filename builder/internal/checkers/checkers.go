// Package checkers runs the external tools that hold the outputs to their
// contract in tests: EPUBCheck, Ace by DAISY, qpdf and the Poppler tools
// (pdftotext, pdffonts, pdfinfo, pdfimages). Every package's tests use
// them through here, as they do Engines, which opens books in two real
// reading engines (foliate-js and epub.js) in headless Chromium, so that
// all of them treat a missing tool alike and pay for each tool as little
// as they can:
//
//   - A test that needs a tool skips when it is missing, unless
//     STUDYGUIDE_REQUIRE_CHECKERS is set (as in CI): then the test fails.
//   - Epubcheck checks any number of books in one run of the Java virtual
//     machine, started with options that favour a quick start, and still
//     gives one verdict a book. Ace, likewise, checks any number of books
//     in one run of Node and of Chromium (see Ace).
//   - What a Poppler tool or qpdf --check says about a file is asked once
//     per test binary: PDFText runs pdftotext once for all the pages of a
//     PDF, and later calls with the same options read the same answer.
//   - PDFImages runs pdfimages only on a PDF that can hold a picture.
//   - TaggedPDF checks a tagged PDF's marked content against its
//     structure tree from one run of qpdf --json, and PDFStructure reads
//     the tree back with pdfinfo.
//   - Engines opens any number of books in one run of the browser.
package checkers

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// RequireEnv is the environment variable that turns a missing checker
// from a skipped test into a failed one.
const RequireEnv = "STUDYGUIDE_REQUIRE_CHECKERS"

// EpubcheckJar is where Debian's epubcheck package installs EPUBCheck.
const EpubcheckJar = "/usr/share/java/epubcheck.jar"

// Missing says why tool cannot run here, or returns nil when it can. The
// tool "epubcheck" needs java and EpubcheckJar; "engines", the reading
// engines' harness, needs node, its npm packages and Chromium; AceCommand
// needs node and Chromium too.
func Missing(tool string) error {
	if tool == "engines" {
		return missingEngines()
	}
	if tool == AceCommand {
		return missingAce()
	}
	if tool == "epubcheck" {
		if _, err := os.Stat(EpubcheckJar); err != nil {
			return err
		}
		tool = "java"
	}
	_, err := exec.LookPath(tool)
	return err
}

// Require skips the test when one of the tools is missing, or fails it
// when RequireEnv is set.
func Require(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		err := Missing(tool)
		if err == nil {
			continue
		}
		if os.Getenv(RequireEnv) != "" {
			t.Fatalf("%s is required but missing: %v", tool, err)
		}
		t.Skipf("%s is not installed: %v", tool, err)
	}
}

// Available reports whether tool can run here, for a test that does part
// of its work without it; when RequireEnv is set, a missing tool fails the
// test instead.
func Available(t testing.TB, tool string) bool {
	t.Helper()
	err := Missing(tool)
	if err != nil && os.Getenv(RequireEnv) != "" {
		t.Fatalf("%s is required but missing: %v", tool, err)
	}
	return err == nil
}

// Run runs a tool after Require and returns what it wrote to standard
// output and standard error; the test fails when the tool does.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := Output(t, name, args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Output runs a tool after Require and returns what it wrote to standard
// output and standard error, and an error, naming the command and holding
// the output, when the tool failed.
func Output(t testing.TB, name string, args ...string) (string, error) {
	t.Helper()
	Require(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// answers holds what read-only tools said about files: by the command and
// the file's size and modification time, so that a file written again
// under the same name is asked again.
var answers = struct {
	sync.Mutex
	m map[string]*answer
}{m: map[string]*answer{}}

// answer is one command's output, made once.
type answer struct {
	once sync.Once
	out  []byte // standard output
	err  error  // the failure, with standard error
}

// cached runs a tool that only reads file, once per test binary for the
// same arguments and the same file, and returns its standard output. The
// test fails when the tool does.
func cached(t testing.TB, file, name string, args ...string) []byte {
	t.Helper()
	a := ask(t, file, false, name, args...)
	if a.err != nil {
		t.Fatal(a.err)
	}
	return a.out
}

// ask runs a tool that only reads file, once per test binary for the same
// arguments and the same file, and returns its answer: standard output,
// with standard error too when combined is set.
func ask(t testing.TB, file string, combined bool, name string, args ...string) *answer {
	t.Helper()
	Require(t, name)
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	key := fmt.Sprintf("%s\x00%q\x00%t\x00%d\x00%d", name, args, combined, info.Size(), info.ModTime().UnixNano())
	answers.Lock()
	a := answers.m[key]
	if a == nil {
		a = &answer{}
		answers.m[key] = a
	}
	answers.Unlock()
	a.once.Do(func() {
		cmd := exec.Command(name, args...)
		var stderr bytes.Buffer
		if combined {
			a.out, a.err = cmd.CombinedOutput()
		} else {
			cmd.Stderr = &stderr
			a.out, a.err = cmd.Output()
		}
		if a.err != nil {
			detail := stderr.Bytes()
			if combined {
				detail = a.out
			}
			a.err = fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), a.err, detail)
		}
	})
	return a
}

// WholeRun reports whether the test binary runs all its tests: no
// -test.run, -test.skip, -test.list or -test.fuzz narrows or replaces
// them. A TestMain can then start work that every run of the tests needs,
// such as a batch of books for Epubcheck, before the tests ask for it. It
// parses the flags when they are not parsed yet.
func WholeRun() bool {
	if !flag.Parsed() {
		flag.Parse()
	}
	for _, name := range []string{"test.run", "test.skip", "test.list", "test.fuzz"} {
		if f := flag.Lookup(name); f == nil || f.Value.String() != "" {
			return false
		}
	}
	return true
}
