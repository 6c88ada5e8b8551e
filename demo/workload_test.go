package main

import (
	"bytes"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/google/pprof/profile"
)

// The dashboards promise that slowFunction holds about 4/5 of the two paths'
// CPU. Profile both paths with the same profiler the SDK uses and check it.
func TestSlowFunctionTakesFourTimesTheCPUOfFastFunction(t *testing.T) {
	// 1 kHz instead of pprof's 100 Hz: ~1,000 samples keep the ratio steady.
	// StartCPUProfile then warns that the rate is already set, and keeps it.
	runtime.SetCPUProfileRate(1000)
	var buf bytes.Buffer
	if err := pprof.StartCPUProfile(&buf); err != nil {
		t.Fatal(err)
	}
	// A fixed number of rounds, not a wall-clock time: on a busy machine the
	// profile still gets about a second of CPU.
	for range 400 {
		fastFunction()
		slowFunction()
	}
	pprof.StopCPUProfile()

	p, err := profile.Parse(&buf)
	if err != nil {
		t.Fatalf("parsing the CPU profile: %v", err)
	}
	fast := cpuUnder(p, "fastFunction")
	slow := cpuUnder(p, "slowFunction")
	if fast == 0 || slow == 0 {
		t.Fatalf("no CPU samples: fastFunction %v, slowFunction %v", fast, slow)
	}
	ratio := float64(slow) / float64(fast)
	share := float64(slow) / float64(fast+slow)
	t.Logf("slowFunction %v, fastFunction %v: ratio %.2f, slow share %.0f%%", slow, fast, ratio, share*100)
	if ratio < 3 || ratio > 5.5 {
		t.Errorf("slowFunction/fastFunction CPU = %.2f, want about 4 (3 to 5.5)", ratio)
	}
}

// cpuUnder sums CPU time of the samples whose stack passes through fn. Names
// are matched after the package path: a test binary names the package by its
// import path, the demo binary by "main".
func cpuUnder(p *profile.Profile, fn string) time.Duration {
	idx := -1
	for i, st := range p.SampleType {
		if st.Type == "cpu" && st.Unit == "nanoseconds" {
			idx = i
		}
	}
	if idx < 0 {
		return 0
	}
	var total int64
	for _, s := range p.Sample {
		if stackHas(s, fn) {
			total += s.Value[idx]
		}
	}
	return time.Duration(total)
}

func stackHas(s *profile.Sample, fn string) bool {
	for _, loc := range s.Location {
		for _, line := range loc.Line {
			if line.Function != nil && funcIs(line.Function.Name, fn) {
				return true
			}
		}
	}
	return false
}

func funcIs(qualified, fn string) bool {
	return strings.HasSuffix(qualified, "."+fn)
}
