package checkers

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// batchSource is the Java program that checks several books in one run
// of the virtual machine; java runs it from source.
//
//go:embed Batch.java
var batchSource []byte

// JVMOptions start the Java virtual machine quickly: EPUBCheck runs for
// seconds, too short for the optimising compiler and the parallel
// collector to pay for themselves. With them, checking the samples, the
// seed and a book of 5,000 sections takes 7 s of processor time instead
// of 12 s with the optimising compiler, and a single small book 2.9 s
// instead of 5.8 s; the interpreter alone (-Xint) takes 116 s.
var JVMOptions = []string{"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"}

// Verdict is what EPUBCheck said about one book.
type Verdict struct {
	// Book is the book's path.
	Book string
	// Status is what EPUBCheck returned: 0 when it found no error.
	Status int
	// Errors are the lines of fatal errors and errors, Warnings those of
	// warnings.
	Errors, Warnings []string
	// Output is all EPUBCheck said about the book.
	Output string
}

// Problems returns the errors, then the warnings.
func (v Verdict) Problems() []string {
	return append(append([]string(nil), v.Errors...), v.Warnings...)
}

// Epubcheck checks every book with EPUBCheck in one run of the Java
// virtual machine and returns one verdict a book, in the order of books.
// It skips or fails the test as Require does when EPUBCheck is missing,
// and fails it when EPUBCheck could not give a verdict on every book.
func Epubcheck(t testing.TB, books ...string) []Verdict {
	t.Helper()
	Require(t, "epubcheck")
	verdicts, err := RunEpubcheck(books...)
	if err != nil {
		t.Fatal(err)
	}
	return verdicts
}

// RunEpubcheck is Epubcheck without a test: it returns an error when
// EPUBCheck is missing or gave no verdict on a book.
func RunEpubcheck(books ...string) ([]Verdict, error) {
	if len(books) == 0 {
		return nil, nil
	}
	if err := Missing("epubcheck"); err != nil {
		return nil, fmt.Errorf("epubcheck is not installed: %v", err)
	}
	verdicts, err := runBatch(books)
	if errors.Is(err, errNoBatch) {
		// This Java cannot run a program from source: one run a book.
		verdicts = verdicts[:0]
		for _, book := range books {
			args := append(append([]string(nil), JVMOptions...), "-jar", EpubcheckJar, book)
			out, err := exec.Command("java", args...).CombinedOutput()
			status := 0
			if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
				status = exit.ExitCode()
			} else if err != nil {
				return nil, fmt.Errorf("epubcheck %s: %v\n%s", book, err, out)
			}
			v, err := verdict(book, status, string(out))
			if err != nil {
				return nil, err
			}
			verdicts = append(verdicts, v)
		}
		return verdicts, nil
	}
	return verdicts, err
}

// errNoBatch says that java did not start the batch program at all.
var errNoBatch = errors.New("java cannot run the batch program")

// runBatch checks the books with Batch.java.
func runBatch(books []string) ([]Verdict, error) {
	dir, err := os.MkdirTemp("", "epubcheck-batch-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	source := filepath.Join(dir, "Batch.java")
	if err := os.WriteFile(source, batchSource, 0o644); err != nil {
		return nil, err
	}
	nonce := make([]byte, 8)
	rand.Read(nonce)
	marker := "@@epubcheck-batch-" + hex.EncodeToString(nonce)
	args := append(append([]string(nil), JVMOptions...), "-cp", EpubcheckJar, source, marker)
	out, runErr := exec.Command("java", append(args, books...)...).CombinedOutput()
	text := string(out)
	if !strings.Contains(text, marker+" book 1\n") {
		return nil, fmt.Errorf("%w: %v\n%s", errNoBatch, runErr, text)
	}
	// The output is, for each book i: "MARKER book i", what EPUBCheck
	// said, "MARKER status i N".
	status := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(marker) + ` status (\d+) (-?\d+)\n`)
	var verdicts []Verdict
	rest := text
	for i, book := range books {
		start := fmt.Sprintf("%s book %d\n", marker, i+1)
		at := strings.Index(rest, start)
		if at < 0 {
			return nil, fmt.Errorf("epubcheck stopped before %s (%v):\n%s", book, runErr, text)
		}
		rest = rest[at+len(start):]
		m := status.FindStringSubmatchIndex(rest)
		if m == nil || rest[m[2]:m[3]] != strconv.Itoa(i+1) {
			return nil, fmt.Errorf("epubcheck stopped while checking %s (%v):\n%s", book, runErr, text)
		}
		code, _ := strconv.Atoi(rest[m[4]:m[5]])
		v, err := verdict(book, code, rest[:m[0]])
		if err != nil {
			return nil, err
		}
		verdicts = append(verdicts, v)
		rest = rest[m[1]:]
	}
	if runErr != nil {
		return nil, fmt.Errorf("epubcheck batch: %v\n%s", runErr, text)
	}
	return verdicts, nil
}

// verdict reads what EPUBCheck said about a book.
func verdict(book string, status int, out string) (Verdict, error) {
	v := Verdict{Book: book, Status: status, Output: out}
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "ERROR"), strings.HasPrefix(line, "FATAL"):
			v.Errors = append(v.Errors, line)
		case strings.HasPrefix(line, "WARNING"):
			v.Warnings = append(v.Warnings, line)
		}
	}
	if !strings.Contains(out, "No errors or warnings detected") && len(v.Errors)+len(v.Warnings) == 0 {
		return v, fmt.Errorf("epubcheck gave no verdict on %s:\n%s", book, out)
	}
	return v, nil
}
