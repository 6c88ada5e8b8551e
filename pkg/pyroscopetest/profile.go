package pyroscopetest

import (
	"context"
	"strings"

	"connectrpc.com/connect"
	googlev1 "github.com/grafana/pyroscope/api/gen/proto/go/google/v1"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// SelectMergeProfile answers the merged selection as a pprof profile (for
// export): one sample per stack, one location per function. Like the real
// server it ignores maxNodes.
func (q *querier) SelectMergeProfile(ctx context.Context, req *connect.Request[querierv1.SelectMergeProfileRequest]) (*connect.Response[googlev1.Profile], error) {
	m := req.Msg
	tree, _, err := q.s.mergeQuery(ctx, &querierv1.SelectMergeStacktracesRequest{
		ProfileTypeID: m.ProfileTypeID, LabelSelector: m.LabelSelector, Start: m.Start, End: m.End,
	})
	if err != nil {
		return nil, err
	}
	parts := strings.Split(m.ProfileTypeID, ":")
	b := &pprofBuilder{p: &googlev1.Profile{StringTable: []string{""}}, strings: map[string]int64{"": 0}, functions: map[string]uint64{}}
	b.p.SampleType = []*googlev1.ValueType{{Type: b.str(parts[1]), Unit: b.str(parts[2])}}
	b.p.PeriodType = &googlev1.ValueType{Type: b.str(parts[3]), Unit: b.str(parts[4])}
	b.p.Mapping = []*googlev1.Mapping{{Id: 1, HasFunctions: true}}
	b.p.TimeNanos = m.End * 1_000_000
	for _, c := range tree.children {
		b.addSamples(c, nil)
	}
	return connect.NewResponse(b.p), nil
}

type pprofBuilder struct {
	p         *googlev1.Profile
	strings   map[string]int64
	functions map[string]uint64
}

func (b *pprofBuilder) str(s string) int64 {
	if i, ok := b.strings[s]; ok {
		return i
	}
	i := int64(len(b.p.StringTable))
	b.strings[s] = i
	b.p.StringTable = append(b.p.StringTable, s)
	return i
}

// location returns the location id of a function name (same as its function id).
func (b *pprofBuilder) location(name string) uint64 {
	if id, ok := b.functions[name]; ok {
		return id
	}
	id := uint64(len(b.p.Function) + 1)
	b.functions[name] = id
	n := b.str(name)
	b.p.Function = append(b.p.Function, &googlev1.Function{Id: id, Name: n, SystemName: n})
	b.p.Location = append(b.p.Location, &googlev1.Location{Id: id, MappingId: 1, Line: []*googlev1.Line{{FunctionId: id}}})
	return id
}

// addSamples writes one sample per node with self, its stack leaf first.
func (b *pprofBuilder) addSamples(n *node, parents []uint64) {
	stack := append([]uint64{b.location(n.name)}, parents...)
	if n.self != 0 {
		b.p.Sample = append(b.p.Sample, &googlev1.Sample{LocationId: stack, Value: []int64{n.self}})
	}
	for _, c := range n.children {
		b.addSamples(c, stack)
	}
}
