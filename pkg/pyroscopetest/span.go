package pyroscopetest

import (
	"bytes"
	"context"
	"strings"

	"connectrpc.com/connect"
	"github.com/google/pprof/profile"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// SelectMergeSpanProfile merges only the samples taken inside the given
// spans (their span_id pprof label), with the limits of a merge.
func (q *querier) SelectMergeSpanProfile(ctx context.Context, req *connect.Request[querierv1.SelectMergeSpanProfileRequest]) (*connect.Response[querierv1.SelectMergeSpanProfileResponse], error) {
	m := req.Msg
	refs, maxNodes, err := q.s.selectMerge(ctx, &querierv1.SelectMergeStacktracesRequest{
		ProfileTypeID: m.ProfileTypeID, LabelSelector: m.LabelSelector, Start: m.Start, End: m.End, MaxNodes: m.MaxNodes,
	})
	if err != nil {
		return nil, err
	}
	wanted := map[string]bool{}
	for _, id := range m.SpanSelector {
		wanted[id] = true
	}
	root := newTree()
	for _, r := range refs {
		for _, smp := range r.group.samples {
			if wanted[smp.spanID] {
				root.add(smp.stack, smp.values[r.typeIndex])
			}
		}
	}
	root.sortChildren()
	return connect.NewResponse(&querierv1.SelectMergeSpanProfileResponse{Flamegraph: flameGraph(root, maxNodes)}), nil
}

func firstLabel(smp *profile.Sample, key string) string {
	if v := smp.Label[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// SpanProfile writes a CPU pprof profile whose samples carry span_id pprof
// labels, as grafana/otel-profiling-go sets them: for each span id, the self
// value per stack ("root;child;leaf"). An empty span id leaves the samples
// outside any span.
func SpanProfile(spans map[string]map[string]int64) ([]byte, error) {
	p := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "cpu", Unit: "nanoseconds"}},
		PeriodType: &profile.ValueType{Type: "cpu", Unit: "nanoseconds"},
		Period:     1,
	}
	locs := map[string]*profile.Location{}
	location := func(name string) *profile.Location {
		if loc := locs[name]; loc != nil {
			return loc
		}
		fn := &profile.Function{ID: uint64(len(p.Function) + 1), Name: name}
		p.Function = append(p.Function, fn)
		loc := &profile.Location{ID: fn.ID, Address: 0x1000 + fn.ID, Line: []profile.Line{{Function: fn}}}
		p.Location = append(p.Location, loc)
		locs[name] = loc
		return loc
	}
	for _, span := range sortedSetKeys(spans) {
		for _, stack := range sortedSetKeys(spans[span]) {
			s := &profile.Sample{Value: []int64{spans[span][stack]}}
			names := strings.Split(stack, ";")
			for i := len(names) - 1; i >= 0; i-- {
				s.Location = append(s.Location, location(names[i]))
			}
			if span != "" {
				s.Label = map[string][]string{"span_id": {span}}
			}
			p.Sample = append(p.Sample, s)
		}
	}
	var buf bytes.Buffer
	err := p.Write(&buf)
	return buf.Bytes(), err
}
