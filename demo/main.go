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
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
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
	tracer, stopTracing := tracerOrNoop(cfg)
	run(ctx, tracer.Tracer(applicationName))
	stopTracing()
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

// tracerOrNoop starts tracing when configured. Tracing is an extra: if it
// cannot start, the demo says why and goes on profiling without spans.
func tracerOrNoop(cfg config) (trace.TracerProvider, func()) {
	tp, stop, err := startTracing(cfg)
	if err != nil {
		log.Printf("tracing is off: %v", err)
		return noop.NewTracerProvider(), func() {}
	}
	if cfg.TracesEndpoint != "" {
		log.Printf("sending spans with span profiles to %s", cfg.TracesEndpoint)
	}
	return tp, stop
}

// run starts every workload and waits until ctx ends.
func run(ctx context.Context, tracer trace.Tracer) {
	var wg sync.WaitGroup
	wg.Go(func() { cpuLoop(ctx, tracer) })
	wg.Go(func() { allocateBuffers(ctx) })
	wg.Go(func() { contendMutex(ctx, 4) })
	wg.Go(func() { waitOnChannel(ctx) })
	wg.Go(func() { idleWorkers(ctx, 8) })
	wg.Wait()
}

// cpuLoop runs the CPU workload in batches, one span each.
func cpuLoop(ctx context.Context, tracer trace.Tracer) {
	for ctx.Err() == nil {
		cpuBatch(ctx, tracer, batchRounds, roundPause)
	}
}

const (
	// batchRounds makes one span about 1.25 s long with about 250 ms of CPU:
	// some 25 samples at the profiler's 100 Hz, so the span's own flame graph
	// shows both paths (a span of one round would mostly have none).
	batchRounds = 100
	// roundPause keeps the demo at about a third of one core.
	roundPause = 10 * time.Millisecond
)

// cpuBatch alternates the two code paths, each tagged with its code_path
// label, inside one span: the span's profile shows slowFunction at about 4/5.
func cpuBatch(ctx context.Context, tracer trace.Tracer, rounds int, pause time.Duration) {
	ctx, span := tracer.Start(ctx, cpuBatchSpan, trace.WithAttributes(attribute.Int("rounds", rounds)))
	defer span.End()
	fast := pyroscope.Labels("code_path", "fast")
	slow := pyroscope.Labels("code_path", "slow")
	for i := 0; i < rounds && ctx.Err() == nil; i++ {
		pyroscope.TagWrapper(ctx, fast, func(context.Context) { fastFunction() })
		pyroscope.TagWrapper(ctx, slow, func(context.Context) { slowFunction() })
		sleep(ctx, pause)
	}
}

// cpuBatchSpan names the span, and so the span_name label of its samples.
const cpuBatchSpan = "cpu batch"

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
