package frames

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

// recordedSeries loads a SelectSeries answer recorded for the demo and the
// start of the range it was asked for.
func recordedSeries(t *testing.T, name string) ([]*typesv1.Series, time.Time) {
	t.Helper()
	var resp querierv1.SelectSeriesResponse
	rc := replay.Load(t, name)
	if err := protojson.Unmarshal(rc.Response, &resp); err != nil {
		t.Fatal(err)
	}
	var req struct{ Start int64 }
	if err := json.Unmarshal(rc.Request, &req); err != nil {
		t.Fatal(err)
	}
	return resp.Series, time.UnixMilli(req.Start)
}

func values(t *testing.T, fs []*typesv1.Series) []float64 {
	t.Helper()
	if len(fs) != 1 {
		t.Fatalf("%d series, want 1", len(fs))
	}
	var out []float64
	for _, p := range fs[0].Points {
		out = append(out, p.Value)
	}
	return out
}

// The demo's SDK uploads cpu every 30 s: at step 15 every other step is empty
// and each point holds 30 s of CPU.
func TestUploadPeriodOfRecordedCPU(t *testing.T) {
	s15, _ := recordedSeries(t, "series-embers-demo-cpu-step-15")
	if got := UploadPeriod(s15, 15*time.Second); got != 30*time.Second {
		t.Errorf("period at step 15 s: %v, want 30s", got)
	}
	s60, _ := recordedSeries(t, "series-embers-demo-cpu-step-60")
	if got := UploadPeriod(s60, 60*time.Second); got != 0 {
		t.Errorf("period at step 60 s: %v, want none (every step holds data)", got)
	}
}

// recordedCPUAtStep15 turns a recorded step-15 cpu answer of the demo into
// frames the way the plugin does; the demo's SDK uploads every 30 s, so the
// frames' step must be 30 s.
func recordedCPUAtStep15(t *testing.T, name string) data.Frames {
	t.Helper()
	series, start := recordedSeries(t, name)
	rule := RuleFor("cpu", "nanoseconds")
	res := ResolutionFor(15*time.Second, 15*time.Second, UploadPeriod(series, 15*time.Second))
	if res.Step != 30*time.Second {
		t.Fatalf("frame step %v, want 30s", res.Step)
	}
	return Series(Rebucket(series, rule, start, res), "cpu", rule, res.Step.Seconds())
}

// The demo uses 0.50 cores (its /proc counters); the recorded five minutes
// hold 161.77 s of CPU (0.539 cores). Asked at step 15 s, the series must read
// that, no point near twice it, and the points follow without gaps.
func TestRecordedCPUReadsHalfACore(t *testing.T) {
	f := recordedCPUAtStep15(t, "series-embers-demo-cpu-step-15")[0]
	if f.Rows() != 10 {
		t.Fatalf("%d points, want 10 (one per 30 s)", f.Rows())
	}
	var total float64
	for i := 0; i < f.Rows(); i++ {
		cores := f.Fields[1].At(i).(float64)
		total += cores
		if math.Abs(cores-0.539) > 0.054 {
			t.Errorf("point %d reads %.3f cores, want 0.539 ±10%%", i, cores)
		}
		if i > 0 {
			gap := f.Fields[0].At(i).(time.Time).Sub(f.Fields[0].At(i - 1).(time.Time))
			if gap != 30*time.Second {
				t.Errorf("gap of %v before point %d, want 30s", gap, i)
			}
		}
	}
	if mean := total / float64(f.Rows()); math.Abs(mean-0.5) > 0.05 {
		t.Errorf("mean %.3f cores, want 0.5 ±10%%", mean)
	}
	if iv := f.Fields[0].Config.Interval; iv != 30000 {
		t.Errorf("time field interval %v ms, want 30000 (else Grafana draws a gap every other step)", iv)
	}
}

// Merged into 60 s steps in the plugin, the step-15 answer equals the
// server's own step-60 answer point for point, except the server's first
// point, which holds the minute before start.
func TestRebucketMatchesServerStep(t *testing.T) {
	s15, start := recordedSeries(t, "series-embers-demo-cpu-step-15")
	s60, _ := recordedSeries(t, "series-embers-demo-cpu-step-60")
	rule := RuleFor("cpu", "nanoseconds")
	got := Rebucket(s15, rule, start, ResolutionFor(15*time.Second, 60*time.Second, 0))
	want := s60[0].Points[1:]
	if len(got[0].Points) != len(want) {
		t.Fatalf("%d points, want %d", len(got[0].Points), len(want))
	}
	for i, p := range got[0].Points {
		if p.Timestamp != want[i].Timestamp || math.Abs(p.Value-want[i].Value) > 1 {
			t.Errorf("point %d: %d %v, server %d %v", i, p.Timestamp, p.Value, want[i].Timestamp, want[i].Value)
		}
	}
}

// The server's first point covers (start − step, start]: as a rate it is the
// minute before start over one minute (31.8 s of CPU → 0.53 cores), never
// merged into the next step.
func TestFirstPointIsNotInflated(t *testing.T) {
	s60, start := recordedSeries(t, "series-embers-demo-cpu-step-60")
	rule := RuleFor("cpu", "nanoseconds")
	rebucketed := Rebucket(s60, rule, start, ResolutionFor(60*time.Second, 120*time.Second, 0))
	first := rebucketed[0].Points[0]
	if first.Timestamp != start.UnixMilli() || first.Value != 31.8e9 {
		t.Errorf("first step %d %v, want the point at start alone (31.8e9)", first.Timestamp, first.Value)
	}
	f := Series(rebucketed, "cpu", rule, 120)[0]
	if cores := f.Fields[1].At(1).(float64); cores < 0.45 || cores > 0.55 {
		t.Errorf("second point %.3f cores, want 0.5 ±10%%", cores)
	}
}

// Asked for AVERAGE, Pyroscope v2.0.6 answers the SUM (the two recordings are
// identical, four profiles per 60 s point). Merging steps in the plugin takes
// the mean of the points, never their sum.
func TestInstantsAreMeansWhateverTheServerDoes(t *testing.T) {
	avg, start := recordedSeries(t, "series-embers-demo-inuse-average")
	sum, _ := recordedSeries(t, "series-embers-demo-inuse-sum")
	raw := values(t, avg)
	for i, v := range values(t, sum) {
		if raw[i] != v {
			t.Fatalf("recordings differ at %d: the server applied AVERAGE after all", i)
		}
	}
	rule := RuleFor("inuse_space", "bytes")
	got := values(t, Rebucket(avg, rule, start, ResolutionFor(60*time.Second, 240*time.Second, 0)))
	// Points at start+2m … start+9m: steps (0, 4m] hold 3 of them, (4m, 8m] 4
	// and (8m, 12m] the last.
	want := []float64{
		(raw[0] + raw[1] + raw[2]) / 3,
		(raw[3] + raw[4] + raw[5] + raw[6]) / 4,
		raw[7],
	}
	if len(got) != len(want) {
		t.Fatalf("%d points %v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-6 {
			t.Errorf("step %d: %v, want the mean %v", i, got[i], want[i])
		}
	}
}

// The docs' figures for the demo: by code_path, slowFunction's path holds
// 80–84 % of the two paths' CPU and reads about five times fastFunction's
// (the work is 4:1; sampling adds to the slow path). Every series of the
// step-15 answer is widened to the 30 s the uploads cover.
func TestRecordedDemoCodePathShares(t *testing.T) {
	totals := map[string]float64{}
	for _, f := range recordedCPUAtStep15(t, "series-embers-demo-by-code-path") {
		if f.Fields[0].Config.Interval != 30000 {
			t.Errorf("%s: interval %v ms, want 30000", f.Name, f.Fields[0].Config.Interval)
		}
		for i := 0; i < f.Rows(); i++ {
			totals[f.Fields[1].Labels["code_path"]] += f.Fields[1].At(i).(float64)
		}
	}
	slow, fast := totals["slow"], totals["fast"]
	if share := slow / (slow + fast); share < 0.80 || share > 0.84 {
		t.Errorf("slow path holds %.1f %% of the two paths, the docs say 80–84 %%", 100*share)
	}
	if ratio := slow / fast; ratio < 4.5 || ratio > 5.5 {
		t.Errorf("slow/fast = %.2f, the docs say about five", ratio)
	}
}
