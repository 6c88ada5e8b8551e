package pyroscopetest

import (
	"bytes"
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/google/pprof/profile"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
)

// syntheticProfile writes a CPU pprof profile with the given self value per
// stack ("root;child;leaf").
func syntheticProfile(t *testing.T, stacks map[string]int64) []byte {
	t.Helper()
	p := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "cpu", Unit: "nanoseconds"}},
		PeriodType: &profile.ValueType{Type: "cpu", Unit: "nanoseconds"},
		Period:     1,
	}
	locs := map[string]*profile.Location{}
	for stack, v := range stacks {
		names := strings.Split(stack, ";")
		s := &profile.Sample{Value: []int64{v}}
		for i := len(names) - 1; i >= 0; i-- {
			loc := locs[names[i]]
			if loc == nil {
				fn := &profile.Function{ID: uint64(len(p.Function) + 1), Name: names[i]}
				p.Function = append(p.Function, fn)
				loc = &profile.Location{ID: fn.ID, Address: 0x1000 + fn.ID, Line: []profile.Line{{Function: fn}}}
				p.Location = append(p.Location, loc)
				locs[names[i]] = loc
			}
			s.Location = append(s.Location, loc)
		}
		p.Sample = append(p.Sample, s)
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func levelValues(levels []*querierv1.Level) [][]int64 {
	out := make([][]int64, len(levels))
	for i, l := range levels {
		out[i] = l.Values
	}
	return out
}

func mergeOf(stacks map[string]int64) *node {
	root := newTree()
	for s, v := range stacks {
		root.add(strings.Split(s, ";"), v)
	}
	root.sortChildren()
	return root
}

func TestFlameGraphLevelsEncodeChildrenAfterSelf(t *testing.T) {
	fg := flameGraph(mergeOf(map[string]int64{"a;b": 3, "a;c": 1, "a": 2, "d": 4}), 0)
	wantNames := []string{"total", "a", "b", "c", "d"}
	want := [][]int64{{0, 10, 0, 0}, {0, 6, 2, 1, 0, 4, 4, 4}, {2, 3, 3, 2, 0, 1, 1, 3}}
	if !reflect.DeepEqual(fg.Names, wantNames) || !reflect.DeepEqual(levelValues(fg.Levels), want) {
		t.Errorf("names %v levels %v\nwant %v %v", fg.Names, levelValues(fg.Levels), wantNames, want)
	}
	if fg.Total != 10 || fg.MaxSelf != 4 {
		t.Errorf("total %d maxSelf %d, want 10 and 4", fg.Total, fg.MaxSelf)
	}
}

func TestFlameGraphMaxNodesMergesSmallNodesIntoOther(t *testing.T) {
	fg := flameGraph(mergeOf(map[string]int64{"a;b": 3, "a;c": 1, "a": 2, "d": 4}), 2)
	wantNames := []string{"total", "a", "other", "d"}
	want := [][]int64{{0, 10, 0, 0}, {0, 6, 2, 1, 0, 4, 4, 3}, {2, 4, 4, 2}}
	if !reflect.DeepEqual(fg.Names, wantNames) || !reflect.DeepEqual(levelValues(fg.Levels), want) {
		t.Errorf("names %v levels %v\nwant %v %v", fg.Names, levelValues(fg.Levels), wantNames, want)
	}
}

func TestEmptyFlameGraphIsTheZeroRoot(t *testing.T) {
	fg := flameGraph(newTree(), 0)
	if !reflect.DeepEqual(fg.Names, []string{"total"}) || !reflect.DeepEqual(levelValues(fg.Levels), [][]int64{{0, 0, 0, 0}}) || fg.Total != 0 {
		t.Errorf("empty graph: %v %v total %d", fg.Names, levelValues(fg.Levels), fg.Total)
	}
}

func TestDiffLevelsAdvanceEachSideOnItsOwn(t *testing.T) {
	s := New(t)
	if err := s.Ingest(syntheticProfile(t, map[string]int64{"a;b": 3}), map[string]string{"service_name": "left"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Ingest(syntheticProfile(t, map[string]int64{"a;b": 1, "d": 2}), map[string]string{"service_name": "right"}); err != nil {
		t.Fatal(err)
	}
	start, end := time.Now().Add(-time.Minute).UnixMilli(), time.Now().Add(time.Minute).UnixMilli()
	side := func(service string) *querierv1.SelectMergeStacktracesRequest {
		return &querierv1.SelectMergeStacktracesRequest{ProfileTypeID: cpuType, LabelSelector: `{service_name="` + service + `"}`, Start: start, End: end}
	}
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	resp, err := client.Diff(context.Background(), connect.NewRequest(&querierv1.DiffRequest{Left: side("left"), Right: side("right")}))
	if err != nil {
		t.Fatal(err)
	}
	fg := resp.Msg.Flamegraph
	wantNames := []string{"total", "a", "b", "d"}
	want := [][]int64{{0, 3, 0, 0, 3, 0, 0}, {0, 3, 0, 0, 1, 0, 1, 0, 0, 0, 0, 2, 2, 3}, {0, 3, 3, 0, 1, 1, 2}}
	if !reflect.DeepEqual(fg.Names, wantNames) || !reflect.DeepEqual(levelValues(fg.Levels), want) {
		t.Errorf("names %v levels %v\nwant %v %v", fg.Names, levelValues(fg.Levels), wantNames, want)
	}
	if fg.LeftTicks != 3 || fg.RightTicks != 3 || fg.Total != 6 {
		t.Errorf("ticks %d/%d total %d, want 3/3 and 6", fg.LeftTicks, fg.RightTicks, fg.Total)
	}
}
