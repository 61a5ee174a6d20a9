// Studyguide turns Markdown study notes into two study guides at once: an
// EPUB 3 for e-readers and a printable PDF for handouts.
//
// Usage:
//
//	studyguide build [-o DIR] [--format epub,pdf] [--layout NAME] [--strict]
//	                 [--no-summaries] [--no-glossary] [--no-palace]
//	                 [--max-size SIZE] [PATH...]
//	studyguide layouts
//	studyguide version
//	studyguide help
//
// The build command reads each note (.md, .markdown or .txt) and writes
// DIR/NAME.epub and DIR/NAME.pdf for a note NAME.md. A PATH may be a note or
// a folder of notes; with no PATH it builds every note in ./source. DIR
// defaults to ./out. Each output is written to a temporary file and renamed
// into place, so a build that fails leaves earlier outputs whole.
//
// Flags of build:
//
//	-o, --out DIR      the output folder (default out)
//	--format LIST      formats to write, comma-separated: epub, pdf (default both)
//	--layout NAME      a built-in page layout (a4, letter, a5) or a layout file (default a4)
//	--strict           treat warnings as errors
//	--no-summaries     leave out the summary tables and the at-a-glance table
//	--no-glossary      leave out the glossary
//	--no-palace        leave out the mind-palace pages
//	--max-size SIZE    the largest note read, in bytes or with a unit:
//	                   KiB, MiB, GiB (or KB, MB, GB in powers of 1000);
//	                   default 32MiB. A larger note is an error.
//
// Problems in the notes are printed on standard error as
// file:line:col: warning|error: message. The build date written into the
// outputs comes from SOURCE_DATE_EPOCH when it is set, else from the note's
// front-matter date, else a fixed date, so rebuilding the same notes gives
// byte-identical files.
//
// Exit status: 0 when everything was built, 1 when a build failed, 2 when
// the command was used wrongly.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
