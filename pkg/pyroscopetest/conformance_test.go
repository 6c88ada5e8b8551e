//go:build conformance

package pyroscopetest

import (
	"testing"
	"time"

	"github.com/embers/embers/internal/testpaths"
)

// thirdPartySet is the conformance tier's data: other projects' profiles
// (Go, Java, Node, Python, broken ones) and a real server's answers for them,
// kept outside the repository.
func thirdPartySet(tb testing.TB) recordedSet {
	return recordedSet{
		dir:      testpaths.Conformance(tb, "recorded"),
		profiles: testpaths.Conformance(tb, "profiles"),
		// Inside every recorded query's range and in the same series step
		// buckets as the real uploads.
		defaultUploadTime: time.UnixMilli(1795587010000),
	}
}

func TestConformanceMatchesRecordedServer(t *testing.T) {
	if replayed := checkMatchesRecorded(t, thirdPartySet(t)); replayed < 40 {
		t.Errorf("only %d recorded cases replayed", replayed)
	}
}

// The fake's flame graphs of third-party profiles equal sums taken from the
// pprof files without the fake's code.
func TestConformanceFlameGraphMatchesPprofSums(t *testing.T) {
	checkFlameGraphMatchesPprofSums(t, []pprofSumCase{
		{testpaths.Conformance(t, "profiles", "go-cpu-labels.pb.gz"), "process_cpu:cpu:nanoseconds:cpu:nanoseconds", 1},
		{testpaths.Conformance(t, "profiles", "java-kafka-alloc.pb.gz"), "memory:alloc_in_new_tlab_bytes:bytes:space:bytes", 0},
	})
}
