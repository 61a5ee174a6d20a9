//go:build !linux

package main

// preferHugePages does nothing where the heap's pages cannot be asked to
// be huge ones (see the Linux version), and reports that it did not ask.
func preferHugePages(getenv func(string) string) bool { return false }
