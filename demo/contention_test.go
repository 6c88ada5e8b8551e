package main

import (
	"bytes"
	"context"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/google/pprof/profile"
)

// With the rates main sets, the contention loops must show up by name in the
// mutex and block profiles, or those dashboards would stay empty.
func TestContentionFillsTheMutexAndBlockProfiles(t *testing.T) {
	prevMutex := runtime.SetMutexProfileFraction(5)
	runtime.SetBlockProfileRate(int(time.Millisecond / 10))
	t.Cleanup(func() {
		runtime.SetMutexProfileFraction(prevMutex)
		runtime.SetBlockProfileRate(0)
	})

	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		go waitOnChannel(ctx)
		contendMutex(ctx, 4)
	}()
	<-done

	if !profileMentions(t, "mutex", "lockedSection") {
		t.Error("the mutex profile has no contention under lockedSection")
	}
	if !profileMentions(t, "block", "waitOnChannel") {
		t.Error("the block profile has no waits under waitOnChannel")
	}
}

func profileMentions(t *testing.T, name, fn string) bool {
	t.Helper()
	var buf bytes.Buffer
	if err := pprof.Lookup(name).WriteTo(&buf, 0); err != nil {
		t.Fatal(err)
	}
	p, err := profile.Parse(&buf)
	if err != nil {
		t.Fatalf("parsing the %s profile: %v", name, err)
	}
	for _, s := range p.Sample {
		for _, loc := range s.Location {
			for _, line := range loc.Line {
				if line.Function != nil && funcIs(line.Function.Name, fn) && s.Value[0] > 0 {
					return true
				}
			}
		}
	}
	return false
}
