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

// Shared joins parts onto the shared test data beside the repository
// (../shared/testdata: real pprof files and answers recorded from a real
// Pyroscope server).
func Shared(tb testing.TB, parts ...string) string {
	tb.Helper()
	return filepath.Join(append([]string{RepoRoot(tb), "..", "shared", "testdata"}, parts...)...)
}
