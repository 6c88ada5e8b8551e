package stacktest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/embers/embers/internal/testpaths"
)

// The tiers every clone runs use only data in the repository; third-party
// data beside the repository is read by the conformance tier alone:
// Go files behind the `conformance` build tag, which resolve it through the
// testpaths package.
// The patterns are built from parts so this file does not match itself.
var sharedDataPatterns = []string{
	"shared" + "/testdata",
	`"..", "` + "shared" + `"`,
	`'..', '` + "shared" + `'`,
	"testpaths." + "Conformance",
}

// Files that may name the shared folder: the one place that resolves it, and
// the Makefile that decides whether the conformance tier runs.
var mayNameSharedData = map[string]bool{
	"internal/testpaths/testpaths.go": true,
	"Makefile":                        true,
}

var skippedDirs = map[string]bool{".git": true, "node_modules": true, "dist": true, ".build": true, "coverage": true}

func TestOnlyTheConformanceTierReadsSharedData(t *testing.T) {
	root := testpaths.RepoRoot(t)
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if skippedDirs[d.Name()] || (path != root && strings.HasPrefix(d.Name(), ".") && d.Name() != ".ci" && d.Name() != ".github") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if !isCode(rel) || mayNameSharedData[rel] {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		text := string(b)
		if strings.HasSuffix(rel, ".go") && strings.HasPrefix(text, "//go:build conformance\n") {
			return nil
		}
		for _, p := range sharedDataPatterns {
			if strings.Contains(text, p) {
				t.Errorf("%s reads the shared test data (%q) outside the conformance tier: copy what it needs into testdata/, or put the test behind the conformance build tag", rel, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d code files checked: the walk missed the repository", checked)
	}
}

func isCode(rel string) bool {
	switch filepath.Ext(rel) {
	case ".go", ".ts", ".tsx", ".js", ".mjs", ".cjs", ".sh", ".json":
		return !strings.HasPrefix(rel, "testdata/") || strings.HasPrefix(rel, "testdata/workload/")
	}
	return filepath.Base(rel) == "Makefile" || strings.HasPrefix(rel, ".ci/")
}

// No jest test sets its own timeout: jest.config.ts holds one generous hang
// guard for all, so a busy machine never fails a test for being slow.
func TestNoJestTestSetsItsOwnTimeout(t *testing.T) {
	root := testpaths.RepoRoot(t)
	pattern := "jest." + "setTimeout("
	err := filepath.WalkDir(filepath.Join(root, "src"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !strings.Contains(d.Name(), ".test.") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), pattern) {
			rel, _ := filepath.Rel(root, path)
			t.Errorf("%s sets its own jest timeout: a timeout is a hang guard (jest.config.ts), never a speed limit", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
