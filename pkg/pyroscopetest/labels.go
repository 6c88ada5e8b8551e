package pyroscopetest

import (
	"context"
	"sort"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

func (q *querier) ProfileTypes(ctx context.Context, req *connect.Request[querierv1.ProfileTypesRequest]) (*connect.Response[querierv1.ProfileTypesResponse], error) {
	if req.Msg.Start != 0 || req.Msg.End != 0 {
		if err := q.s.checkRange(req.Msg.Start, req.Msg.End); err != nil {
			return nil, err
		}
	}
	seen := map[string]*typesv1.ProfileType{}
	for _, ref := range q.s.selectRefs(ctx, "", nil, req.Msg.Start, req.Msg.End) {
		t := ref.profile.types[ref.typeIndex]
		seen[t.id] = &typesv1.ProfileType{ID: t.id, Name: t.name, SampleType: t.sampleType,
			SampleUnit: t.sampleUnit, PeriodType: t.periodType, PeriodUnit: t.periodUnit}
	}
	resp := &querierv1.ProfileTypesResponse{}
	for _, id := range sortedSetKeys(seen) {
		resp.ProfileTypes = append(resp.ProfileTypes, seen[id])
	}
	return connect.NewResponse(resp), nil
}

// parseMatchers parses label-call matchers; several are ORed.
func parseMatchers(matchers []string) ([]selector, error) {
	sels := make([]selector, 0, len(matchers))
	for _, m := range matchers {
		sel, err := parseSelector(m)
		if err != nil {
			return nil, connect.NewError(connect.CodeInvalidArgument, err)
		}
		sels = append(sels, sel)
	}
	return sels, nil
}

// labelQuery validates a label call and returns the series it covers.
func (s *Server) labelQuery(ctx context.Context, matchers []string, start, end int64) ([]seriesRef, error) {
	if err := s.checkRange(start, end); err != nil {
		return nil, err
	}
	sels, err := parseMatchers(matchers)
	if err != nil {
		return nil, err
	}
	if s.hidesUnscoped(sels) {
		return nil, nil
	}
	return s.selectRefs(ctx, "", sels, start, end), nil
}

func (q *querier) LabelNames(ctx context.Context, req *connect.Request[typesv1.LabelNamesRequest]) (*connect.Response[typesv1.LabelNamesResponse], error) {
	refs, err := q.s.labelQuery(ctx, req.Msg.Matchers, req.Msg.Start, req.Msg.End)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, ref := range refs {
		for k := range ref.labels() {
			seen[k] = true
		}
	}
	return connect.NewResponse(&typesv1.LabelNamesResponse{Names: sortedSetKeys(seen)}), nil
}

func (q *querier) LabelValues(ctx context.Context, req *connect.Request[typesv1.LabelValuesRequest]) (*connect.Response[typesv1.LabelValuesResponse], error) {
	refs, err := q.s.labelQuery(ctx, req.Msg.Matchers, req.Msg.Start, req.Msg.End)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, ref := range refs {
		if v, ok := ref.labels()[req.Msg.Name]; ok && v != "" {
			seen[v] = true
		}
	}
	return connect.NewResponse(&typesv1.LabelValuesResponse{Names: sortedSetKeys(seen)}), nil
}

// Series lists the label sets of the matching series, cut down to labelNames.
func (q *querier) Series(ctx context.Context, req *connect.Request[querierv1.SeriesRequest]) (*connect.Response[querierv1.SeriesResponse], error) {
	if err := q.s.checkRange(req.Msg.Start, req.Msg.End); err != nil {
		return nil, err
	}
	sels, err := parseMatchers(req.Msg.Matchers)
	if err != nil {
		return nil, err
	}
	seen := map[string]*typesv1.Labels{}
	for _, ref := range q.s.selectRefs(ctx, "", sels, req.Msg.Start, req.Msg.End) {
		l := project(ref.labels(), req.Msg.LabelNames)
		seen[labelsKey(l)] = toLabelPairs(l)
	}
	resp := &querierv1.SeriesResponse{}
	for _, k := range sortedSetKeys(seen) {
		resp.LabelsSet = append(resp.LabelsSet, seen[k])
	}
	return connect.NewResponse(resp), nil
}

// project keeps only the named labels (all when names is empty).
func project(labels map[string]string, names []string) map[string]string {
	if len(names) == 0 {
		return labels
	}
	out := map[string]string{}
	for _, n := range names {
		if v, ok := labels[n]; ok {
			out[n] = v
		}
	}
	return out
}

func toLabelPairs(l map[string]string) *typesv1.Labels {
	out := &typesv1.Labels{}
	for _, k := range sortedKeys(l) {
		out.Labels = append(out.Labels, &typesv1.LabelPair{Name: k, Value: l[k]})
	}
	return out
}

func sortedSetKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
