//go:build conformance

package plugin

import (
	"testing"

	"github.com/embers/embers/internal/testpaths"
)

// Other projects' profiles (Go, Java, Node, Python, broken ones) through the
// whole pipeline: frames or a clear error for every profile type, never a
// blank answer. Some files are refused on upload, as the real server does.
func TestConformanceEveryProfileGivesFramesOrAClearError(t *testing.T) {
	checkEveryProfile(t, testpaths.Conformance(t, "profiles"), 8)
}
