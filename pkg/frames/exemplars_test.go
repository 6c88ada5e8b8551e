package frames

import (
	"testing"

	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

func TestExemplarsKeepTheSeriesLabelsAndDropInternalOnes(t *testing.T) {
	series := []*typesv1.Series{{
		Labels: []*typesv1.LabelPair{{Name: "region", Value: "eu"}},
		Points: []*typesv1.Point{
			{Timestamp: 60000, Value: 3e9, Exemplars: []*typesv1.Exemplar{{Timestamp: 30000, ProfileId: "b", Value: 2e9,
				Labels: []*typesv1.LabelPair{{Name: "__name__", Value: "process_cpu"}, {Name: "pod", Value: "p1"}}}}},
			{Timestamp: 0, Value: 1e9, Exemplars: []*typesv1.Exemplar{{Timestamp: 1000, ProfileId: "a", Value: 1e9}}},
		},
	}}
	f := Exemplars(series, RuleFor("cpu", "nanoseconds"), 10)
	if f == nil {
		t.Fatal("no frame")
	}
	var names []string
	for _, fld := range f.Fields {
		names = append(names, fld.Name)
	}
	if got := len(names); got != 5 || names[3] != "pod" || names[4] != "region" {
		t.Fatalf("fields %v, want Time, Value, profileId, pod, region", names)
	}
	// Sorted by time; 2 s of CPU over a 10 s step is 0.2 cores, like the points.
	if f.Fields[2].At(0) != "a" || f.Fields[1].At(1) != 0.2 || f.Fields[4].At(0) != "eu" || f.Fields[3].At(0) != "" {
		t.Errorf("rows: id %v value %v region %v pod %q", f.Fields[2].At(0), f.Fields[1].At(1), f.Fields[4].At(0), f.Fields[3].At(0))
	}
	if Exemplars([]*typesv1.Series{{Points: []*typesv1.Point{{Value: 1}}}}, RuleFor("cpu", "nanoseconds"), 10) != nil {
		t.Error("series without exemplars got an exemplar frame")
	}
}
