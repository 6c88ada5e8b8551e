package main

import (
	"context"
	"log"
	"sync"
	"time"

	otelpyroscope "github.com/grafana/otel-profiling-go"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// Tracing sends the demo's spans over OTLP/HTTP (to Tempo in the stack).
// otel-profiling-go wraps the SDK's provider: while a local root span runs,
// its goroutine carries span_id and span_name pprof labels, so the CPU
// samples Pyroscope receives name the span and a trace links to its profile.

// shutdownTimeout bounds the last export at exit: a Tempo that is down must
// not hold the demo, nor the profiler's last upload behind it.
const shutdownTimeout = 5 * time.Second

// startTracing returns the tracer provider the workload uses and a function
// that flushes it. Without an endpoint it is a no-op provider: no spans, no
// labels, nothing sent.
func startTracing(cfg config) (trace.TracerProvider, func(), error) {
	if cfg.TracesEndpoint == "" {
		return noop.NewTracerProvider(), func() {}, nil
	}
	// The exporter reads OTEL_EXPORTER_OTLP_* itself (endpoint, headers,
	// timeout), as every OpenTelemetry SDK does.
	exporter, err := otlptracehttp.New(context.Background())
	if err != nil {
		return nil, nil, err
	}
	otel.SetErrorHandler(&quietErrors{every: time.Minute})
	sdk := newSDKProvider(sdktrace.NewBatchSpanProcessor(exporter), cfg.Region)
	shutdown := func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		if err := sdk.Shutdown(ctx); err != nil {
			log.Printf("tracing: flushing the last spans: %v", err)
		}
	}
	return otelpyroscope.NewTracerProvider(sdk), shutdown, nil
}

// newSDKProvider names the service as the profiler does: Grafana's
// trace-to-profiles link maps service.name to Pyroscope's service_name.
func newSDKProvider(processor sdktrace.SpanProcessor, region string) *sdktrace.TracerProvider {
	res := resource.NewSchemaless(
		semconv.ServiceName(applicationName),
		attribute.String("region", region),
	)
	return sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(processor), sdktrace.WithResource(res))
}

// quietErrors logs export failures (an unreachable Tempo) once per period
// instead of on every batch.
type quietErrors struct {
	every time.Duration
	mu    sync.Mutex
	last  time.Time
}

func (q *quietErrors) Handle(err error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if now := time.Now(); now.Sub(q.last) >= q.every {
		q.last = now
		log.Printf("tracing: %v (profiling goes on; next report in %v)", err, q.every)
	}
}
