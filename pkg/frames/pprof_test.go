package frames

import (
	"os"
	"strings"
	"testing"

	"github.com/google/pprof/profile"

	"github.com/embers/embers/internal/testpaths"
)

// pprofStacks reads a pprof file with the pprof library (not our code) and
// sums one sample type per root-to-leaf stack of function names, inlined
// frames expanded. It also returns the sum over all samples.
func pprofStacks(tb testing.TB, file, sampleType string) (map[string]int64, int64) {
	tb.Helper()
	return pprofStacksWhere(tb, file, sampleType, "", "")
}

// pprofStacksWhere is pprofStacks over the samples whose pprof label key has
// value (all samples when key is empty).
func pprofStacksWhere(tb testing.TB, file, sampleType, key, value string) (map[string]int64, int64) {
	tb.Helper()
	f, err := os.Open(testpaths.Shared(tb, "profiles", file))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	p, err := profile.Parse(f)
	if err != nil {
		tb.Fatalf("%s: %v", file, err)
	}
	idx := -1
	for i, st := range p.SampleType {
		if st.Type == sampleType {
			idx = i
		}
	}
	if idx < 0 {
		tb.Fatalf("%s has no sample type %q", file, sampleType)
	}
	sums := map[string]int64{}
	var total int64
	for _, s := range p.Sample {
		if key != "" && (len(s.Label[key]) != 1 || s.Label[key][0] != value) {
			continue
		}
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
