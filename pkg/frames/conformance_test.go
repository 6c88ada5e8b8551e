//go:build conformance

package frames

import (
	"testing"

	"github.com/embers/embers/internal/testpaths"
)

// thirdPartyPprofCases tie the third-party recordings (outside the
// repository) to the pprof files they were made from.
var thirdPartyPprofCases = []pprofCase{
	{"merge-go-cpu-process_cpu-cpu", "go-cpu-labels.pb.gz", "cpu", 2, true, 1, "nanoseconds"},
	{"merge-go-cpu-process_cpu-samples", "go-cpu-labels.pb.gz", "samples", 2, true, 1, "count"},
	{"merge-go-cpu-region-eu", "go-cpu-labels.pb.gz", "cpu", 1, true, 1, "nanoseconds"},
	{"merge-go-heap-memory-inuse_space", "go-heap.pb.gz", "inuse_space", 1, true, 1, "bytes"},
	{"merge-go-heap-memory-inuse_objects", "go-heap.pb.gz", "inuse_objects", 1, true, 1, "count"},
	{"merge-go-heap-memory-alloc_space", "go-heap.pb.gz", "alloc_space", 1, false, 1, "bytes"},
	{"merge-go-heap-memory-alloc_objects", "go-heap.pb.gz", "alloc_objects", 1, false, 1, "count"},
	{"merge-go-heap-large-memory-inuse_space", "go-heap-inuse-large.pb.gz", "inuse_space", 1, false, 1, "bytes"},
	{"merge-java-kafka-process_cpu-cpu", "java-kafka-cpu.pb.gz", "cpu", 1, true, 1, "nanoseconds"},
	{"merge-java-kafka-memory-alloc_in_new_tlab_bytes", "java-kafka-alloc.pb.gz", "alloc_in_new_tlab_bytes", 1, true, 1, "bytes"},
	{"merge-node-app-wall-samples", "nodejs-wall.pb.gz", "samples", 1, true, 1, "count"},
	{"merge-node-app-wall-wall", "nodejs-wall.pb.gz", "wall", 1, true, 1, "microseconds"},
	{"merge-node-app-memory-inuse_space", "nodejs-heap.pb.gz", "inuse_space", 1, true, 1, "bytes"},
	{"merge-node-app-memory-inuse_objects", "nodejs-heap.pb.gz", "inuse_objects", 1, true, 1, "count"},
	{"merge-python-app-process_cpu-samples", "python-pyspy.pb", "samples", 1, true, 1, "count"},
	{"merge-bad-noaddr-process_cpu-cpu", "bad-no-addr-no-line.pb.gz", "cpu", 1, false, 2, "nanoseconds"},
	{"merge-go-cpu-maxnodes-16", "go-cpu-labels.pb.gz", "cpu", 2, false, 1, "nanoseconds"},
}

// Other projects' profiles (Go, Java, Node, Python, broken ones) as a real
// server answered them: the converter keeps every stack's self where the
// server kept the stacks, and the totals where it repaired or dropped some.
func TestConformanceFlameGraphMatchesPprof(t *testing.T) {
	checkMatchesPprof(t, thirdPartyPprofCases, testpaths.Conformance(t, "recorded"), func(file string) string {
		return testpaths.Conformance(t, "profiles", file)
	})
}

func TestConformanceEveryRecordedMergeConverts(t *testing.T) {
	checkEveryMergeConverts(t, testpaths.Conformance(t, "recorded"))
}
