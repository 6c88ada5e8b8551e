// Command workload writes the project's own pprof profiles with hot spots of
// known size, so tests can check that the widest bar is the right function.
//
// CPU: slowFunction runs the same inner loop as fastFunction four times, so it
// takes about 80% of the two. Heap: allocLarge keeps four times the bytes of
// allocSmall.
//
// Regenerate the committed files from the repository root with:
//
//	go run -trimpath ./testdata/workload -out testdata/profiles
//
// The answers in testdata/recorded were recorded from a real server for the
// committed files: after regenerating them, record those answers again.
// `-trim-only` rewrites the committed files' paths and keeps their samples.
// Either way the files name no folder of the machine that wrote them.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"
)

// sink keeps the compiler from removing the work and holds the allocations
// alive until the heap profile is written.
var (
	sink     uint64
	retained [][]byte
)

//go:noinline
func work(units int) {
	x := sink
	for u := 0; u < units; u++ {
		for i := 0; i < 1_000_000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	sink = x
}

//go:noinline
func fastFunction() { work(1) }

//go:noinline
func slowFunction() {
	for i := 0; i < 4; i++ {
		work(1)
	}
}

//go:noinline
func allocSmall() { retained = append(retained, make([]byte, 256<<10)) }

//go:noinline
func allocLarge() { retained = append(retained, make([]byte, 1<<20)) }

func main() {
	out := flag.String("out", "testdata/profiles", "folder for the profiles")
	seconds := flag.Duration("duration", 5*time.Second, "how long to profile the CPU")
	trimOnly := flag.Bool("trim-only", false, "only rewrite the paths in the existing profiles")
	flag.Parse()
	if err := generate(*out, *seconds, *trimOnly); err != nil {
		fmt.Fprintln(os.Stderr, "workload:", err)
		os.Exit(1)
	}
}

func generate(out string, d time.Duration, trimOnly bool) error {
	if !trimOnly {
		if err := run(out, d); err != nil {
			return err
		}
	}
	for _, name := range []string{"workload-cpu.pb.gz", "workload-heap.pb.gz"} {
		if err := trimPaths(filepath.Join(out, name)); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func run(out string, d time.Duration) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	cpu, err := os.Create(filepath.Join(out, "workload-cpu.pb.gz"))
	if err != nil {
		return err
	}
	defer cpu.Close()
	if err := pprof.StartCPUProfile(cpu); err != nil {
		return err
	}
	for end := time.Now().Add(d); time.Now().Before(end); {
		fastFunction()
		slowFunction()
	}
	pprof.StopCPUProfile()

	// Sample every allocation so the byte ratio is exact, not estimated.
	runtime.MemProfileRate = 1
	retained = make([][]byte, 0, 128) // so appends don't count against allocSmall
	for i := 0; i < 64; i++ {
		allocSmall()
		allocLarge()
	}
	runtime.GC()
	heap, err := os.Create(filepath.Join(out, "workload-heap.pb.gz"))
	if err != nil {
		return err
	}
	defer heap.Close()
	return pprof.Lookup("heap").WriteTo(heap, 0)
}
