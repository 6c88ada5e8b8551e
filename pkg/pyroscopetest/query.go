package pyroscopetest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// seriesRef is one series (a label group under one profile type) of one
// stored profile.
type seriesRef struct {
	profile   *storedProfile
	group     *sampleGroup
	typeIndex int
}

// labels returns the series labels, with the internal ones Pyroscope adds.
func (r seriesRef) labels() map[string]string {
	t := r.profile.types[r.typeIndex]
	out := make(map[string]string, len(r.group.labels)+7)
	for k, v := range r.group.labels {
		out[k] = v
	}
	out["__name__"] = t.name
	out["__profile_type__"] = t.id
	out["__type__"] = t.sampleType
	out["__unit__"] = t.sampleUnit
	out["__period_type__"] = t.periodType
	out["__period_unit__"] = t.periodUnit
	out["__service_name__"] = r.group.labels["service_name"]
	return out
}

// selectRefs returns the series in [startMs, endMs] matching any of the
// selectors (all series when there are none) and, when set, the profile type.
func (s *Server) selectRefs(ctx context.Context, profileTypeID string, sels []selector, startMs, endMs int64) []seriesRef {
	var out []seriesRef
	for _, p := range s.visible(ctx) {
		if startMs != 0 || endMs != 0 {
			if p.timeMs < startMs || p.timeMs > endMs {
				continue
			}
		}
		for ti, t := range p.types {
			if profileTypeID != "" && t.id != profileTypeID {
				continue
			}
			for _, g := range p.groups {
				ref := seriesRef{profile: p, group: g, typeIndex: ti}
				if matchesAny(sels, ref.labels()) {
					out = append(out, ref)
				}
			}
		}
	}
	return out
}

func matchesAny(sels []selector, labels map[string]string) bool {
	if len(sels) == 0 {
		return true
	}
	for _, sel := range sels {
		if sel.matches(labels) {
			return true
		}
	}
	return false
}

// hidesUnscoped reports whether an uncompacted v2 server would answer these
// selectors with nothing.
func (s *Server) hidesUnscoped(sels []selector) bool {
	if !s.cfg.uncompacted {
		return false
	}
	for _, sel := range sels {
		if sel.namesService() {
			return false
		}
	}
	return true
}

func (s *Server) checkRange(startMs, endMs int64) error {
	if startMs == 0 && endMs == 0 {
		return invalidArgument("missing time range in the query")
	}
	if d := time.Duration(endMs-startMs) * time.Millisecond; s.cfg.maxQueryLength > 0 && d > s.cfg.maxQueryLength {
		return invalidArgument(fmt.Sprintf("the query time range exceeds the limit (max_query_length, actual: %s, limit: %s)",
			d, promDuration(s.cfg.maxQueryLength)))
	}
	return nil
}

func checkProfileType(id string) error {
	parts := strings.Split(id, ":")
	if len(parts) != 5 && len(parts) != 6 {
		return invalidArgument(fmt.Sprintf("profile-type selection must be of the form <name>:<sample-type>:<sample-unit>:<period-type>:<period-unit>(:delta), got(%d): %q", len(parts), id))
	}
	return nil
}

// maxNodes applies the server's default and cap.
func (s *Server) maxNodes(requested *int64) (int64, error) {
	switch {
	case requested == nil || *requested == 0:
		return defaultMaxNodes, nil
	case *requested < 0:
		return 0, invalidArgument(fmt.Sprintf("max flamegraph nodes limit must be set (max allowed %d)", s.cfg.maxNodesCap))
	case *requested > s.cfg.maxNodesCap:
		return 0, invalidArgument(fmt.Sprintf("max flamegraph nodes limit %d is greater than allowed %d", *requested, s.cfg.maxNodesCap))
	}
	return *requested, nil
}

// mergeQuery validates one flame graph request and merges what it selects.
func (s *Server) mergeQuery(ctx context.Context, req *querierv1.SelectMergeStacktracesRequest) (*node, int64, error) {
	refs, maxNodes, err := s.selectMerge(ctx, req)
	if err != nil {
		return nil, 0, err
	}
	return mergeTree(refs), maxNodes, nil
}

// selectMerge validates one flame graph request and returns the series it
// selects, with the max nodes to cut the answer to.
func (s *Server) selectMerge(ctx context.Context, req *querierv1.SelectMergeStacktracesRequest) ([]seriesRef, int64, error) {
	if err := s.checkRange(req.Start, req.End); err != nil {
		return nil, 0, err
	}
	if err := checkProfileType(req.ProfileTypeID); err != nil {
		return nil, 0, err
	}
	sel, err := parseSelector(req.LabelSelector)
	if err != nil {
		return nil, 0, connect.NewError(connect.CodeInvalidArgument, err)
	}
	maxNodes, err := s.maxNodes(req.MaxNodes)
	if err != nil {
		return nil, 0, err
	}
	sels := []selector{sel}
	if s.hidesUnscoped(sels) {
		return nil, maxNodes, nil
	}
	return s.selectRefs(ctx, req.ProfileTypeID, sels, req.Start, req.End), maxNodes, nil
}

func (q *querier) SelectMergeStacktraces(ctx context.Context, req *connect.Request[querierv1.SelectMergeStacktracesRequest]) (*connect.Response[querierv1.SelectMergeStacktracesResponse], error) {
	tree, maxNodes, err := q.s.mergeQuery(ctx, req.Msg)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&querierv1.SelectMergeStacktracesResponse{Flamegraph: flameGraph(tree, maxNodes)}), nil
}

// promDuration formats a limit like Prometheus durations ("1d", "12h").
func promDuration(d time.Duration) string {
	if d <= 0 {
		return "0s"
	}
	units := []struct {
		name string
		size time.Duration
	}{{"y", 365 * 24 * time.Hour}, {"w", 7 * 24 * time.Hour}, {"d", 24 * time.Hour}, {"h", time.Hour}, {"m", time.Minute}, {"s", time.Second}, {"ms", time.Millisecond}}
	var b strings.Builder
	for _, u := range units {
		if n := d / u.size; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, u.name)
			d -= n * u.size
		}
	}
	return b.String()
}
