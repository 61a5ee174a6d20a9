// Package builder is the home of the pipeline's stages, one sub-package
// each: guide (the document model every stage meets at), markdown (the
// reader), epub and pdf (the writers), aids and outputs (the lists of
// study aids and of outputs a build can make), and driver (which runs
// them). This
// package itself holds only the test that keeps each stage behind its own
// door.
package builder
