package main

import (
	"context"
	"sync"
	"time"
)

// These loops keep the memory, goroutine, mutex and block profiles non-empty,
// each under a function name that says which profile it feeds.

// retainedBuffers is how many allocations stay live (the in-use memory profile).
const retainedBuffers = 256

// allocateBuffers allocates 64 KiB buffers and keeps the newest ones alive.
func allocateBuffers(ctx context.Context) {
	ring := make([][]byte, retainedBuffers)
	for i := 0; ctx.Err() == nil; i++ {
		buf := make([]byte, 64<<10)
		buf[0] = byte(i)
		ring[i%retainedBuffers] = buf
		sleep(ctx, 20*time.Millisecond)
	}
}

// contendMutex runs workers that hold one shared lock long enough to queue the
// others (the mutex profile, and the block profile's lock waits).
func contendMutex(ctx context.Context, workers int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				lockedSection(&mu)
				sleep(ctx, time.Millisecond)
			}
		})
	}
	wg.Wait()
}

// lockedSection holds the lock for a short while.
//
//go:noinline
func lockedSection(mu *sync.Mutex) {
	mu.Lock()
	defer mu.Unlock()
	time.Sleep(200 * time.Microsecond)
}

// waitOnChannel blocks on a channel a slow producer feeds (the block profile).
func waitOnChannel(ctx context.Context) {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; ctx.Err() == nil; i++ {
			sleep(ctx, 5*time.Millisecond)
			select {
			case ch <- i:
			case <-ctx.Done():
			}
		}
	}()
	for range ch {
	}
}

// idleWorkers parks goroutines the way request handlers wait for work (the
// goroutine profile).
func idleWorkers(ctx context.Context, n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() { <-ctx.Done() })
	}
	wg.Wait()
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
