package main

// The CPU workload has two code paths of known cost, so anyone looking at the
// flame graph can check the numbers: slowFunction does four units of the same
// work that fastFunction does once, so it holds about 4/5 of their CPU time.

// unitIterations is one unit of work: about half a millisecond of CPU.
const unitIterations = 1_000_000

// sink keeps the compiler from dropping the work as dead code.
var sink uint64

// fastFunction does one unit of work.
//
//go:noinline
func fastFunction() {
	sink += work(1)
}

// slowFunction does four units of the same work.
//
//go:noinline
func slowFunction() {
	sink += work(4)
}

// work burns CPU in a loop the compiler cannot fold away (xorshift steps).
// Both paths call it, so the flame graph shows one function under two callers.
//
//go:noinline
func work(units int) uint64 {
	x := uint64(88172645463325252)
	for i := 0; i < units*unitIterations; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}
