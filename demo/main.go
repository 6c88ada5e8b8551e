// Command demo is the workload of the Embers dev stack: it pushes CPU, memory,
// goroutine, mutex and block profiles to Pyroscope with the official Go SDK,
// from two code paths of known cost (see workload.go).
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"net/http/pprof"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/grafana/pyroscope-go"
)

func main() {
	cfg, err := envConfig()
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	// Without these two rates the mutex and block profiles stay empty.
	runtime.SetMutexProfileFraction(5)
	runtime.SetBlockProfileRate(int(time.Millisecond / 10))

	var profiler *pyroscope.Profiler
	if cfg.Push {
		if profiler, err = startPush(cfg); err != nil {
			log.Fatalf("cannot start the profiler: %v", err)
		}
		log.Printf("pushing profiles of %s (region %s) to %s", applicationName, cfg.Region, cfg.ServerURL)
	}
	if cfg.PprofAddr != "" {
		log.Printf("serving pprof on %s/debug/pprof/", cfg.PprofAddr)
		go servePprof(ctx, cfg.PprofAddr)
	}
	run(ctx)
	if profiler != nil {
		if err := profiler.Stop(); err != nil {
			log.Printf("flushing the last profiles: %v", err)
		}
	}
}

// startPush starts the SDK: every profile type, tagged with the region.
func startPush(cfg config) (*pyroscope.Profiler, error) {
	return pyroscope.Start(pyroscope.Config{
		ApplicationName:   applicationName,
		ServerAddress:     cfg.ServerURL,
		TenantID:          cfg.TenantID,
		BasicAuthUser:     cfg.BasicAuthUser,
		BasicAuthPassword: cfg.BasicAuthPassword,
		Tags:              map[string]string{"region": cfg.Region},
		Logger:            errorLogger{},
		ProfileTypes: []pyroscope.ProfileType{
			pyroscope.ProfileCPU,
			pyroscope.ProfileAllocObjects, pyroscope.ProfileAllocSpace,
			pyroscope.ProfileInuseObjects, pyroscope.ProfileInuseSpace,
			pyroscope.ProfileGoroutines,
			pyroscope.ProfileMutexCount, pyroscope.ProfileMutexDuration,
			pyroscope.ProfileBlockCount, pyroscope.ProfileBlockDuration,
		},
	})
}

// run starts every workload and waits until ctx ends.
func run(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Go(func() { cpuLoop(ctx) })
	wg.Go(func() { allocateBuffers(ctx) })
	wg.Go(func() { contendMutex(ctx, 4) })
	wg.Go(func() { waitOnChannel(ctx) })
	wg.Go(func() { idleWorkers(ctx, 8) })
	wg.Wait()
}

// cpuLoop alternates the two code paths, each tagged with its code_path label,
// and rests between rounds so the demo uses about a third of one core.
func cpuLoop(ctx context.Context) {
	fast := pyroscope.Labels("code_path", "fast")
	slow := pyroscope.Labels("code_path", "slow")
	for ctx.Err() == nil {
		pyroscope.TagWrapper(ctx, fast, func(context.Context) { fastFunction() })
		pyroscope.TagWrapper(ctx, slow, func(context.Context) { slowFunction() })
		sleep(ctx, 10*time.Millisecond)
	}
}

// servePprof serves the pull endpoint Alloy scrapes, and /healthz for compose.
func servePprof(ctx context.Context, addr string) {
	srv := &http.Server{Addr: addr, Handler: pprofHandler(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Printf("pprof endpoint on %s stopped: %v", addr, err)
	}
}

// pprofHandler serves Go's pprof endpoints (/debug/pprof/profile for CPU, and
// allocs, heap, goroutine, mutex and block by name) and /healthz.
func pprofHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	return mux
}

// errorLogger keeps the SDK quiet except for failures (an unreachable server).
type errorLogger struct{}

func (errorLogger) Infof(string, ...any)           {}
func (errorLogger) Debugf(string, ...any)          {}
func (errorLogger) Errorf(format string, a ...any) { log.Printf("pyroscope: "+format, a...) }
