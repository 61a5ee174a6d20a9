package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// runVersion prints what the binary was built from: see versionText.
func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "studyguide version: it takes no arguments, not %q\n", strings.Join(args, " "))
		return exitUsage
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprint(stdout, versionText(info, runtime.GOOS+"/"+runtime.GOARCH))
	return exitOK
}

// versionText says what a binary was built from, given its build
// information (nil when it has none) and the system it runs on. The first
// line is "studyguide VERSION": the module version for an installed
// release, "devel" for a build without one. A build from a version
// control checkout adds the revision, whether the tree had changes not yet
// committed, and the time of the revision. The last line names the Go
// release that built the binary:
//
//	studyguide v0.0.0-20261205215900-7a2d36b24580+dirty
//	revision  7a2d36b24580e5bc36de88189223405b6d0dfab0 (modified)
//	committed 2026-12-05T21:59:00Z
//	go        go1.26.8 linux/amd64
func versionText(info *debug.BuildInfo, platform string) string {
	var b strings.Builder
	version := "devel"
	goVersion := runtime.Version()
	if info != nil {
		if v := info.Main.Version; v != "" && v != "(devel)" {
			version = v
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
	}
	fmt.Fprintf(&b, "studyguide %s\n", version)
	if info != nil {
		vcs := map[string]string{}
		for _, s := range info.Settings {
			vcs[s.Key] = s.Value
		}
		if rev := vcs["vcs.revision"]; rev != "" {
			switch vcs["vcs.modified"] {
			case "true":
				rev += " (modified)"
			case "false":
				rev += " (clean)"
			}
			fmt.Fprintf(&b, "revision  %s\n", rev)
		}
		if t := vcs["vcs.time"]; t != "" {
			fmt.Fprintf(&b, "committed %s\n", t)
		}
	}
	fmt.Fprintf(&b, "go        %s %s\n", goVersion, platform)
	return b.String()
}
