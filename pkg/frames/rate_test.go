package frames

import (
	"testing"

	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

const (
	sum     = typesv1.TimeSeriesAggregationType_TIME_SERIES_AGGREGATION_TYPE_SUM
	average = typesv1.TimeSeriesAggregationType_TIME_SERIES_AGGREGATION_TYPE_AVERAGE
)

// Every profile type DESIGN.md section 5 lists, plus ones nobody listed.
func TestRuleFor(t *testing.T) {
	for _, tc := range []struct {
		profileType string
		want        SeriesRule
	}{
		{"process_cpu:cpu:nanoseconds:cpu:nanoseconds", SeriesRule{sum, true, 1e9, "suffix:cores"}},
		{"process_cpu:samples:count:cpu:nanoseconds", SeriesRule{sum, true, 1, "cps"}},
		{"memory:inuse_objects:count:space:bytes", SeriesRule{average, false, 1, "short"}},
		{"memory:inuse_space:bytes:space:bytes", SeriesRule{average, false, 1, "bytes"}},
		{"memory:alloc_objects:count:space:bytes", SeriesRule{sum, true, 1, "cps"}},
		{"memory:alloc_space:bytes:space:bytes", SeriesRule{sum, true, 1, "Bps"}},
		{"goroutines:goroutine:count:goroutine:count", SeriesRule{average, false, 1, "short"}},
		{"goroutine:goroutines:count:goroutine:count", SeriesRule{average, false, 1, "short"}},
		{"mutex:contentions:count:contentions:count", SeriesRule{sum, true, 1, "cps"}},
		{"mutex:delay:nanoseconds:contentions:count", SeriesRule{sum, true, 1, "si:ns/s"}},
		{"block:contentions:count:contentions:count", SeriesRule{sum, true, 1, "cps"}},
		{"block:delay:nanoseconds:contentions:count", SeriesRule{sum, true, 1, "si:ns/s"}},
		{"wall:wall:microseconds:wall:microseconds", SeriesRule{sum, true, 1, "si:µs/s"}},
		{"wall:samples:count:wall:microseconds", SeriesRule{sum, true, 1, "cps"}},
		{"process_cpu:cpu:microseconds:cpu:microseconds", SeriesRule{sum, true, 1, "si:µs/s"}},
		{"memory:alloc_in_new_tlab_bytes:bytes:space:bytes", SeriesRule{sum, true, 1, "Bps"}},
		{"exceptions:exception:count:exception:count", SeriesRule{sum, true, 1, "cps"}},
		{"gpu:power:joules:gpu:seconds", SeriesRule{sum, true, 1, "suffix:joules/s"}},
	} {
		t.Run(tc.profileType, func(t *testing.T) {
			pt := splitProfileType(t, tc.profileType)
			if got := RuleFor(pt[1], pt[2]); got != tc.want {
				t.Errorf("RuleFor(%q, %q) = %+v, want %+v", pt[1], pt[2], got, tc.want)
			}
		})
	}
}

func splitProfileType(t *testing.T, id string) []string {
	var parts []string
	start := 0
	for i := 0; i <= len(id); i++ {
		if i == len(id) || id[i] == ':' {
			parts = append(parts, id[start:i])
			start = i + 1
		}
	}
	if len(parts) != 5 {
		t.Fatalf("bad profile type %q", id)
	}
	return parts
}
