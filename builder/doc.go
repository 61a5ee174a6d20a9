// Package builder is the home of the pipeline's stages, one sub-package
// each, in the order a note meets them:
//
//   - markdown reads a note into the model, the only user of goldmark;
//   - texmath reads the TeX maths of a formula into a tree, once, for
//     the writers to lay out;
//   - guide is the document model every stage meets at, with its walker
//     (Inspect), its id allocator, the palace-title rule and the rule that
//     gives runs of another script their language (ScriptRuns);
//   - diag holds the file set that positions point into and the
//     diagnostics reported at file:line:col;
//   - aids is the registry of study aids, in the order their stages run;
//   - enrich finds key points, key terms and dates, and adds the summary
//     tables, the at-a-glance table and the glossary;
//   - palace adds the mind palace, drawn as a vector scene of figure;
//   - labels is the strings catalogue: every word the guides add, by
//     language;
//   - outputs is the registry of what a build writes: formats,
//     impositions and extra outputs, each with its writer;
//   - epub (with cover) and pdf are the writers, pdf writing its pages
//     through internal/pdfobj, its PDF object writer; mathbox lays a formula's tree out for pdf as glyphs of the
//     maths face and rules, by TeX's rules and the face's MATH table;
//   - impose lays a finished PDF out as 2-up sheets or a booklet;
//   - anki writes the self-test's questions as an Anki deck package, the
//     only user of SQLite;
//   - driver finds the notes and runs the stages and the writers, each
//     output into a temporary file renamed into place.
//
// Beside the pipeline, watch reports the files saved in the folders of
// the notes, for the command's watch mode; it is the only user of
// fsnotify; yamlfile reads layout files and course.yaml strictly and
// words their errors, the only user of the YAML library.
//
// Packages under internal serve tests and stages alike: allkinds (a guide
// with a node of every kind), checkers (the external checkers tests run),
// deflate (the compressor of the EPUB's entries, the PDF's streams and the
// cover's PNG image, the only user of klauspost/compress), golden (golden
// files), pdfobj (the PDF object writer), pdfxref (the one reader of PDF
// cross-reference tables) and testnotes (notes generated for tests and
// benchmarks).
//
// This package itself holds only the test that keeps each stage behind
// its own door.
package builder
