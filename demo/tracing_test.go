package main

import (
	"bytes"
	"context"
	"log"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/pprof/profile"
	otelpyroscope "github.com/grafana/otel-profiling-go"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestTracingIsOffWithoutAnOTLPEndpoint(t *testing.T) {
	cfg, err := loadConfig(envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	tp, stop, err := startTracing(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	ctx, span := tp.Tracer(applicationName).Start(context.Background(), cpuBatchSpan)
	defer span.End()
	if span.IsRecording() {
		t.Error("a span is recorded with no endpoint set; tracing must be off")
	}
	if id, ok := pprof.Label(ctx, "span_id"); ok {
		t.Errorf("span_id label %q set with tracing off", id)
	}
}

func TestTracingEndpointComesFromTheOTLPVariables(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": " http://tempo:4318 "}, "http://tempo:4318"},
		{map[string]string{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "https://traces.example.net/v1/traces"}, "https://traces.example.net/v1/traces"},
	} {
		cfg, err := loadConfig(envOf(tt.env))
		if err != nil || cfg.TracesEndpoint != tt.want {
			t.Errorf("%v: endpoint %q, %v; want %q", tt.env, cfg.TracesEndpoint, err, tt.want)
		}
	}
	_, err := loadConfig(envOf(map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "tempo:4317"}))
	if err == nil || !strings.Contains(err.Error(), `OTLP endpoint "tempo:4317" is not an http(s) URL`) {
		t.Errorf("endpoint without a scheme: error %v, want one naming it", err)
	}
}

// The wrapped provider is what makes "profiles for this span" work: the CPU
// samples taken while the batch span runs carry its span_id and span_name,
// and the span carries pyroscope.profile.id, the attribute Grafana looks for.
func TestCPUSamplesInsideTheBatchSpanCarryItsLabels(t *testing.T) {
	exporter := tracetest.NewInMemoryExporter()
	sdk := newSDKProvider(sdktrace.NewSimpleSpanProcessor(exporter), "test-region")
	tracer := otelpyroscope.NewTracerProvider(sdk).Tracer(applicationName)

	runtime.SetCPUProfileRate(1000)
	var buf bytes.Buffer
	if err := pprof.StartCPUProfile(&buf); err != nil {
		t.Fatal(err)
	}
	cpuBatch(context.Background(), tracer, 300, 0)
	// After the span ends the goroutine must drop its labels again.
	for range 300 {
		slowFunction()
	}
	pprof.StopCPUProfile()

	spans := exporter.GetSpans()
	if len(spans) != 1 || spans[0].Name != cpuBatchSpan {
		t.Fatalf("exported %d spans (%v), want one %q", len(spans), spanNames(spans), cpuBatchSpan)
	}
	id := spans[0].SpanContext.SpanID().String()
	if got := attr(spans[0], "pyroscope.profile.id"); got != id {
		t.Errorf("pyroscope.profile.id = %q, want the span id %s", got, id)
	}
	if got, ok := spans[0].Resource.Set().Value("service.name"); !ok || got.AsString() != applicationName {
		t.Errorf("service.name = %v, want %s (the profiles' service_name)", got, applicationName)
	}

	p, err := profile.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	inSpan := map[string]int{}
	var slowOutside int
	for _, s := range p.Sample {
		for _, fn := range []string{"fastFunction", "slowFunction"} {
			if !stackHas(s, fn) {
				continue
			}
			switch {
			case slices.Equal(s.Label["span_id"], []string{id}):
				if !slices.Equal(s.Label["span_name"], []string{cpuBatchSpan}) || len(s.Label["code_path"]) != 1 {
					t.Errorf("%s sample in the span has labels %v, want span_name %q and its code_path", fn, s.Label, cpuBatchSpan)
				}
				inSpan[fn]++
			case len(s.Label["span_id"]) == 0 && fn == "slowFunction":
				slowOutside++
			default:
				t.Errorf("%s sample with labels %v", fn, s.Label)
			}
		}
	}
	if inSpan["fastFunction"] == 0 || inSpan["slowFunction"] == 0 {
		t.Errorf("samples labelled with the span: %v, want both paths", inSpan)
	}
	if slowOutside == 0 {
		t.Error("no unlabelled samples after the span ended: the span's labels stayed on the goroutine")
	}
}

func TestExportErrorsAreReportedOncePerPeriod(t *testing.T) {
	var out bytes.Buffer
	was := log.Writer()
	log.SetOutput(&out)
	defer log.SetOutput(was)
	q := &quietErrors{every: time.Hour}
	for range 3 {
		q.Handle(errTest("connection refused"))
	}
	if n := strings.Count(out.String(), "connection refused"); n != 1 {
		t.Errorf("logged %d times, want once: %q", n, out.String())
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }

func attr(s tracetest.SpanStub, key string) string {
	for _, kv := range s.Attributes {
		if string(kv.Key) == key {
			return kv.Value.AsString()
		}
	}
	return ""
}

func spanNames(spans tracetest.SpanStubs) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.Name)
	}
	return out
}
