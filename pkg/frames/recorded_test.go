package frames

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

// pprofCase ties a recorded merge answer to the pprof file it was made from.
type pprofCase struct {
	recorded   string
	file       string
	sampleType string
	uploads    int64 // how many times the file was uploaded under the queried labels
	// exact: the server kept the stacks as they were, so self per stack must
	// match; otherwise it repaired or dropped stacks and only totals compare.
	exact bool
	// totalShare divides the pprof total where the server dropped samples on purpose.
	totalShare int64
	// sampleUnit picks the frame's unit.
	sampleUnit string
}

// ownPprofCases are the answers a real server gave for the project's own
// workload profiles (testdata/profiles), each file uploaded once per region.
var ownPprofCases = []pprofCase{
	{"merge-embers-workload-process_cpu-cpu", "workload-cpu.pb.gz", "cpu", 2, true, 1, "nanoseconds"},
	{"merge-embers-workload-process_cpu-samples", "workload-cpu.pb.gz", "samples", 2, true, 1, "count"},
	{"merge-embers-workload-region-eu", "workload-cpu.pb.gz", "cpu", 1, true, 1, "nanoseconds"},
	{"merge-embers-workload-maxnodes-16", "workload-cpu.pb.gz", "cpu", 2, true, 1, "nanoseconds"},
	{"merge-embers-workload-default-maxnodes", "workload-cpu.pb.gz", "cpu", 2, true, 1, "nanoseconds"},
	{"merge-embers-workload-memory-inuse_space", "workload-heap.pb.gz", "inuse_space", 2, true, 1, "bytes"},
	{"merge-embers-workload-memory-inuse_objects", "workload-heap.pb.gz", "inuse_objects", 2, true, 1, "count"},
	{"merge-embers-workload-memory-alloc_space", "workload-heap.pb.gz", "alloc_space", 2, true, 1, "bytes"},
	{"merge-embers-workload-memory-alloc_objects", "workload-heap.pb.gz", "alloc_objects", 2, true, 1, "count"},
}

// TestFlameGraphMatchesPprof is the check that does not trust our encoder:
// the stacks in the project's pprof files, summed by the pprof library, must
// come out of the converted real answer with the same self per stack and the
// same total.
func TestFlameGraphMatchesPprof(t *testing.T) {
	checkMatchesPprof(t, ownPprofCases, replay.Dir(t), func(file string) string { return ownProfile(t, file) })
}

func checkMatchesPprof(t *testing.T, cases []pprofCase, recordedDir string, profilePath func(file string) string) {
	for _, tc := range cases {
		t.Run(tc.recorded, func(t *testing.T) {
			frame, err := FlameGraph(loadMergeFrom(t, recordedDir, tc.recorded), tc.sampleUnit)
			if err != nil {
				t.Fatal(err)
			}
			rows := readFlameRows(t, frame)
			want, pprofTotal := pprofStacks(t, profilePath(tc.file), tc.sampleType)
			wantTotal := pprofTotal * tc.uploads / tc.totalShare
			if rows.value[0] != wantTotal {
				t.Errorf("root total = %d, the pprof file sums to %d", rows.value[0], wantTotal)
			}
			if !tc.exact {
				return
			}
			got := selfByPath(rows.level, rows.label, rows.self)
			if diff := compareSums(got, scaleSums(want, tc.uploads)); diff != "" {
				t.Errorf("self per stack differs from the pprof file:\n%s", diff)
			}
		})
	}
}

// compareSums lists up to ten stacks whose sums differ.
func compareSums(got, want map[string]int64) string {
	var lines []string
	for k, w := range want {
		if got[k] != w {
			lines = append(lines, fmt.Sprintf("  %q: frame %d, pprof %d", lastFrames(k), got[k], w))
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			lines = append(lines, fmt.Sprintf("  %q: frame %d, not in pprof", lastFrames(k), g))
		}
	}
	sort.Strings(lines)
	if len(lines) > 10 {
		lines = append(lines[:10], fmt.Sprintf("  ... and %d more", len(lines)-10))
	}
	return strings.Join(lines, "\n")
}

func lastFrames(path string) string {
	parts := strings.Split(path, "\n")
	if len(parts) > 3 {
		parts = append([]string{"…"}, parts[len(parts)-3:]...)
	}
	return strings.Join(parts, " > ")
}

// TestEveryRecordedMergeConverts: every real answer becomes a valid nested set
// whose root carries the server's total and whose selves add up to it.
func TestEveryRecordedMergeConverts(t *testing.T) {
	checkEveryMergeConverts(t, replay.Dir(t))
}

func checkEveryMergeConverts(t *testing.T, recordedDir string) {
	for _, name := range recordedMergeCases(t, recordedDir) {
		t.Run(name, func(t *testing.T) {
			fg := loadMergeFrom(t, recordedDir, name)
			frame, err := FlameGraph(fg, "nanoseconds")
			if err != nil {
				t.Fatal(err)
			}
			rows := readFlameRows(t, frame)
			if err := checkNestedSet(rows); err != nil {
				t.Fatal(err)
			}
			if want := countGroups(fg.Levels, singleWidth); len(rows.level) != want {
				t.Errorf("%d rows, the answer has %d nodes", len(rows.level), want)
			}
			if rows.value[0] != fg.Total {
				t.Errorf("root value %d, server total %d", rows.value[0], fg.Total)
			}
			var selfSum int64
			for _, s := range rows.self {
				selfSum += s
			}
			if selfSum != rows.value[0] {
				t.Errorf("selves add up to %d, root value is %d", selfSum, rows.value[0])
			}
		})
	}
}
