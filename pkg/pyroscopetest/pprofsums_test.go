package pyroscopetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/pprof/profile"

	"github.com/embers/embers/internal/testpaths"
)

// pprofSums sums one sample type of a pprof file per stack of function names
// (root first, inlined frames expanded), straight from the file.
func pprofSums(t *testing.T, path string, typeIndex int) map[string]int64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := profile.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, s := range p.Sample {
		var names []string
		for i := len(s.Location) - 1; i >= 0; i-- {
			lines := s.Location[i].Line
			for j := len(lines) - 1; j >= 0; j-- {
				names = append(names, lines[j].Function.Name)
			}
		}
		if v := s.Value[typeIndex]; v != 0 {
			out[strings.Join(names, ";")] += v
		}
	}
	return out
}

type pprofSumCase struct {
	path, profileType string
	typeIndex         int
}

// TestFlameGraphMatchesPprofSums checks the fake's flame graphs of the
// project's own profiles against sums taken from the pprof files without the
// fake's code.
func TestFlameGraphMatchesPprofSums(t *testing.T) {
	checkFlameGraphMatchesPprofSums(t, []pprofSumCase{
		{testpaths.Repo(t, "testdata", "profiles", "workload-cpu.pb.gz"), "process_cpu:cpu:nanoseconds:cpu:nanoseconds", 1},
		{testpaths.Repo(t, "testdata", "profiles", "workload-heap.pb.gz"), "memory:inuse_space:bytes:space:bytes", 3},
	})
}

func checkFlameGraphMatchesPprofSums(t *testing.T, cases []pprofSumCase) {
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			s := New(t)
			if err := s.IngestFile(c.path, map[string]string{"service_name": "workload"}); err != nil {
				t.Fatal(err)
			}
			want := pprofSums(t, c.path, c.typeIndex)
			got := stackSelf(mergeWorkload(t, s, c.profileType))
			if len(want) == 0 {
				t.Fatal("no samples in the file")
			}
			compareStacks(t, got, want)
		})
	}
}
