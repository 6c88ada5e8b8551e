package frames

import (
	"os"
	"strings"
	"testing"

	"github.com/google/pprof/profile"

	"github.com/embers/embers/internal/testpaths"
)

// ownProfile is the path of one of the project's own pprof files.
func ownProfile(tb testing.TB, file string) string {
	tb.Helper()
	return testpaths.Repo(tb, "testdata", "profiles", file)
}

// parsePprof reads a pprof file with the pprof library (not our code).
func parsePprof(tb testing.TB, path string) *profile.Profile {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	p, err := profile.Parse(f)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return p
}

// pprofStacks reads a pprof file with the pprof library and sums one sample
// type per root-to-leaf stack of function names, inlined frames expanded. It
// also returns the sum over all samples.
func pprofStacks(tb testing.TB, path, sampleType string) (map[string]int64, int64) {
	tb.Helper()
	return pprofStacksOf(tb, parsePprof(tb, path), sampleType)
}

// pprofStacksOf is pprofStacks over a profile already read.
func pprofStacksOf(tb testing.TB, p *profile.Profile, sampleType string) (map[string]int64, int64) {
	tb.Helper()
	idx := -1
	for i, st := range p.SampleType {
		if st.Type == sampleType {
			idx = i
		}
	}
	if idx < 0 {
		tb.Fatalf("the profile has no sample type %q", sampleType)
	}
	sums := map[string]int64{}
	var total int64
	for _, s := range p.Sample {
		var stack []string // leaf first, as pprof stores it
		for _, loc := range s.Location {
			for _, line := range loc.Line { // Line[0] is the innermost inlined frame
				if line.Function != nil {
					stack = append(stack, line.Function.Name)
				}
			}
		}
		for i, j := 0, len(stack)-1; i < j; i, j = i+1, j-1 {
			stack[i], stack[j] = stack[j], stack[i]
		}
		v := s.Value[idx]
		total += v
		if v != 0 {
			sums[strings.Join(stack, "\n")] += v
		}
	}
	for k, v := range sums {
		if v == 0 {
			delete(sums, k)
		}
	}
	return sums, total
}

func scaleSums(sums map[string]int64, by int64) map[string]int64 {
	out := make(map[string]int64, len(sums))
	for k, v := range sums {
		out[k] = v * by
	}
	return out
}
