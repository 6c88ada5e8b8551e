package pyroscopetest

import (
	"context"
	"sort"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

// defaultStepSeconds is used when a request leaves step unset.
const defaultStepSeconds = 15

// bucket accumulates one point of one output series.
type bucket struct {
	sum float64
}

type outSeries struct {
	labels  map[string]string
	buckets map[int64]*bucket
	total   float64
}

// SelectSeries sums each matching profile's value per step, whatever
// aggregation is asked for: Pyroscope v2.0.6 answers AVERAGE with the sum
// (testdata/recorded/series-embers-demo-inuse-average equals -inuse-sum).
// A profile at time t counts at the first step boundary start+k*step >= t;
// values are raw sums, not rates, as the real server returns them.
func (q *querier) SelectSeries(ctx context.Context, req *connect.Request[querierv1.SelectSeriesRequest]) (*connect.Response[querierv1.SelectSeriesResponse], error) {
	m := req.Msg
	if err := q.s.checkRange(m.Start, m.End); err != nil {
		return nil, err
	}
	if err := checkProfileType(m.ProfileTypeID); err != nil {
		return nil, err
	}
	sel, err := parseSelector(m.LabelSelector)
	if err != nil {
		return nil, connect.NewError(connect.CodeInvalidArgument, err)
	}
	resp := &querierv1.SelectSeriesResponse{}
	if q.s.hidesUnscoped([]selector{sel}) {
		return connect.NewResponse(resp), nil
	}
	stepMs := int64(m.Step * 1000)
	if stepMs <= 0 {
		stepMs = defaultStepSeconds * 1000
	}
	byKey := map[string]*outSeries{}
	for _, ref := range q.s.selectRefs(ctx, m.ProfileTypeID, []selector{sel}, m.Start, m.End) {
		labels := groupLabels(ref.labels(), m.GroupBy)
		key := labelsKey(labels)
		out := byKey[key]
		if out == nil {
			out = &outSeries{labels: labels, buckets: map[int64]*bucket{}}
			byKey[key] = out
		}
		ts := m.Start + ceilDiv(ref.profile.timeMs-m.Start, stepMs)*stepMs
		b := out.buckets[ts]
		if b == nil {
			b = &bucket{}
			out.buckets[ts] = b
		}
		v := float64(groupValue(ref))
		b.sum += v
		out.total += v
	}
	for _, out := range limitSeries(byKey, m.Limit) {
		resp.Series = append(resp.Series, out.toProto())
	}
	return connect.NewResponse(resp), nil
}

// groupLabels keeps the groupBy labels a series has; no groupBy merges all.
func groupLabels(labels map[string]string, groupBy []string) map[string]string {
	out := map[string]string{}
	for _, n := range groupBy {
		if v, ok := labels[n]; ok {
			out[n] = v
		}
	}
	return out
}

func groupValue(ref seriesRef) int64 {
	var v int64
	for _, smp := range ref.group.samples {
		v += smp.values[ref.typeIndex]
	}
	return v
}

func ceilDiv(a, b int64) int64 {
	if a <= 0 {
		return 0
	}
	return (a + b - 1) / b
}

// limitSeries returns the series in label order, only the top `limit` by
// total when a limit is set.
func limitSeries(byKey map[string]*outSeries, limit *int64) []*outSeries {
	keys := sortedSetKeys(byKey)
	all := make([]*outSeries, len(keys))
	for i, k := range keys {
		all[i] = byKey[k]
	}
	if limit == nil || *limit <= 0 || int64(len(all)) <= *limit {
		return all
	}
	top := append([]*outSeries(nil), all...)
	sort.SliceStable(top, func(i, j int) bool { return top[i].total > top[j].total })
	keep := map[*outSeries]bool{}
	for _, s := range top[:*limit] {
		keep[s] = true
	}
	var out []*outSeries
	for _, s := range all {
		if keep[s] {
			out = append(out, s)
		}
	}
	return out
}

func (o *outSeries) toProto() *typesv1.Series {
	s := &typesv1.Series{Labels: toLabelPairs(o.labels).Labels}
	times := make([]int64, 0, len(o.buckets))
	for ts := range o.buckets {
		times = append(times, ts)
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	for _, ts := range times {
		b := o.buckets[ts]
		v := b.sum
		s.Points = append(s.Points, &typesv1.Point{Timestamp: ts, Value: v})
	}
	return s
}
