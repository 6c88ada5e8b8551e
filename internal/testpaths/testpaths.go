// Package testpaths finds the repository and the shared test data from a test,
// whichever package folder `go test` runs it in.
package testpaths

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Find walks up from the working folder to the folder holding go.mod.
func Find() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the test's folder")
		}
		dir = parent
	}
}

// RepoRoot is Find for a test: it fails the test when there is no go.mod above.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	root, err := Find()
	if err != nil {
		tb.Fatal(err)
	}
	return root
}

// Repo joins parts onto the repository root.
func Repo(tb testing.TB, parts ...string) string {
	tb.Helper()
	return filepath.Join(append([]string{RepoRoot(tb)}, parts...)...)
}

// Recorded joins parts onto the answers recorded from a real Pyroscope
// server for the project's own data (testdata/recorded).
func Recorded(tb testing.TB, parts ...string) string {
	tb.Helper()
	return Repo(tb, append([]string{"testdata", "recorded"}, parts...)...)
}

// ConformanceDir is where the third-party test data sits when it is there:
// ../shared/testdata beside the repository, with real pprof files from other
// projects (profiles/) and a real server's answers for them (recorded/). It
// never enters the repository; only the conformance tier reads it.
func ConformanceDir() (string, error) {
	root, err := Find()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "..", "shared", "testdata"), nil
}

// Conformance joins parts onto ConformanceDir for a conformance test; it
// fails the test when the data is not there (`make test-conformance` runs
// only when it is).
func Conformance(tb testing.TB, parts ...string) string {
	tb.Helper()
	dir, err := ConformanceDir()
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Fatalf("the conformance data is not beside the repository: %v", err)
	}
	return filepath.Join(append([]string{dir}, parts...)...)
}
