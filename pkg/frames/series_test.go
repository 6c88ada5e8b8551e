package frames

import (
	"math"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

func point(ts int64, v float64) *typesv1.Point { return &typesv1.Point{Timestamp: ts, Value: v} }

func TestSeriesValues(t *testing.T) {
	cpu := RuleFor("cpu", "nanoseconds")
	heap := RuleFor("inuse_space", "bytes")
	alloc := RuleFor("alloc_space", "bytes")
	for _, tc := range []struct {
		name string
		rule SeriesRule
		step float64
		raw  float64
		want float64
		unit string
	}{
		{"30e9 ns of cpu in a 15 s step is 2 cores", cpu, 15, 30e9, 2, "suffix:cores"},
		{"8.73e9 ns of cpu in a 15 s step", cpu, 15, 8.73e9, 0.582, "suffix:cores"},
		{"instant memory is never divided", heap, 60, 1602645059, 1602645059, "bytes"},
		{"allocated bytes become bytes per second", alloc, 10, 5000, 500, "Bps"},
		{"no step: no rate rather than a division by zero", alloc, 0, 5000, 5000, "Bps"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			frames := Series([]*typesv1.Series{{Points: []*typesv1.Point{point(1000, tc.raw)}}}, "cpu", tc.rule, tc.step)
			if len(frames) != 1 {
				t.Fatalf("%d frames", len(frames))
			}
			v := frames[0].Fields[1]
			if got := v.At(0).(float64); math.Abs(got-tc.want) > 1e-9*math.Max(1, tc.want) {
				t.Errorf("value %v, want %v", got, tc.want)
			}
			if v.Config.Unit != tc.unit {
				t.Errorf("unit %q, want %q", v.Config.Unit, tc.unit)
			}
		})
	}
}

// The recorded answer has one series per region; each becomes its own frame
// named after its labels, typed so alert rules can reduce it.
func TestSeriesFromRecordedAnswer(t *testing.T) {
	var resp querierv1.SelectSeriesResponse
	replay.LoadInto(t, "series-embers-workload-by-region", &resp)
	frames := Series(resp.Series, "cpu", RuleFor("cpu", "nanoseconds"), 15)
	if len(frames) != 2 {
		t.Fatalf("%d frames, want one per region", len(frames))
	}
	for i, want := range []struct {
		name, region string
		at           int64
	}{{`{region="eu-west"}`, "eu-west", 1796147055000}, {`{region="us-east"}`, "us-east", 1796147085000}} {
		f := frames[i]
		if f.Name != want.name {
			t.Errorf("frame %d name %q, want %q", i, f.Name, want.name)
		}
		if f.Meta == nil || f.Meta.Type != data.FrameTypeTimeSeriesMulti {
			t.Errorf("frame %d meta %+v", i, f.Meta)
		}
		if f.Fields[0].Name != "time" || f.Fields[1].Name != "cpu" || f.Fields[1].Labels["region"] != want.region {
			t.Errorf("frame %d fields %s, %s %v", i, f.Fields[0].Name, f.Fields[1].Name, f.Fields[1].Labels)
		}
		if got := f.Fields[0].At(0).(time.Time); !got.Equal(time.UnixMilli(want.at)) {
			t.Errorf("frame %d time %v, want %v", i, got, time.UnixMilli(want.at))
		}
		if got := f.Fields[1].At(0).(float64); math.Abs(got-3.13/15) > 1e-9 {
			t.Errorf("frame %d value %v cores, want 0.2087 (3.13e9 ns / 15 s)", i, got)
		}
		if kind := f.TimeSeriesSchema().Type; kind != data.TimeSeriesTypeLong && kind != data.TimeSeriesTypeWide {
			t.Errorf("frame %d is not a time series to Grafana (%v)", i, kind)
		}
	}
}

func TestSeriesEmptyAndUnlabelled(t *testing.T) {
	if frames := Series(nil, "cpu", RuleFor("cpu", "nanoseconds"), 15); len(frames) != 0 {
		t.Errorf("no series gave %d frames", len(frames))
	}
	frames := Series([]*typesv1.Series{nil, {}}, "cpu", RuleFor("cpu", "nanoseconds"), 15)
	if len(frames) != 1 || frames[0].Name != "{}" || frames[0].Rows() != 0 {
		t.Errorf("an unlabelled series with no points gave %v", frames)
	}
}
