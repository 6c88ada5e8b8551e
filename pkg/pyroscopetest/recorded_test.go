package pyroscopetest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"connectrpc.com/connect"
	googlev1 "github.com/grafana/pyroscope/api/gen/proto/go/google/v1"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

// Cases whose stacks the real server changed on ingest (Go stacks cut at 32
// frames were repaired, which also moves the maxNodes cut-off): only the
// totals can match. Only third-party profiles have such stacks.
var totalsOnly = map[string]bool{
	"merge-go-heap-memory-alloc_objects":     true,
	"merge-go-heap-memory-alloc_space":       true,
	"merge-go-heap-large-memory-inuse_space": true,
	"merge-default-maxnodes":                 true,
}

// replayableOwnCase tells the own cases the fake can answer: it holds only
// the workload's uploads (the demo and the span pusher streamed theirs to the
// server and no pprof file of them is kept), so the workload's cases, the
// empty answer and the errors, which don't depend on the data.
func replayableOwnCase(c replay.Case) bool {
	if strings.HasPrefix(c.Name, "error-") || strings.HasPrefix(c.Name, "tenant-") || c.Name == "merge-empty" {
		return true
	}
	return strings.Contains(string(c.Request), "embers-workload") // the selector names the service
}

// TestMatchesRecordedServer replays the recorded requests against the fake
// holding the same uploads and compares the answers.
func TestMatchesRecordedServer(t *testing.T) {
	replayed := checkMatchesRecorded(t, ownSet(t))
	if replayed < 25 {
		t.Errorf("only %d recorded cases replayed", replayed)
	}
}

func checkMatchesRecorded(t *testing.T, rs recordedSet) (replayed int) {
	s := New(t, WithUncompacted())
	rs.ingestUploads(t, s)
	tenant := New(t, WithTenant("team-b"), WithUncompacted())
	rs.ingestUploads(t, tenant)

	for _, c := range rs.index(t).Cases {
		rc := replay.LoadFrom(t, rs.dir, c.Name)
		if rs.replayable != nil && !rs.replayable(rc) {
			continue
		}
		replayed++
		t.Run(c.Name, func(t *testing.T) {
			srv := s
			if strings.HasPrefix(rc.Name, "tenant-") {
				srv = tenant
			}
			status, body := postJSON(t, srv.URL+rc.Method, rc.Request, rc.RequestHeaders)
			if status != rc.Status {
				t.Fatalf("status %d, server answered %d (body %s)", status, rc.Status, body)
			}
			if rc.Status != http.StatusOK {
				compareError(t, rc, body)
				return
			}
			if sameJSONExpected(rc) {
				compareJSON(t, body, rc.Response)
			}
			compareAnswer(t, srv, rc)
		})
	}
	return replayed
}

// sameJSONExpected tells the answers whose JSON must equal the server's as
// is: flame graphs may order siblings differently, everything else may not.
func sameJSONExpected(rc replay.Case) bool {
	switch methodOf(rc.Method) {
	case "SelectMergeStacktraces":
		return rc.Name == "merge-empty" || rc.Name == "error-unknown-profile-type"
	case "Diff", "SelectMergeProfile":
		return false
	}
	return true
}

// compareJSON compares two JSON documents by value (int64s as strings,
// omitted empty fields and all).
func compareJSON(t *testing.T, got, want []byte) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("answer is not JSON: %s", got)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("JSON answer differs\n got: %s\nwant: %s", got, want)
	}
}

func postJSON(t *testing.T, url string, body json.RawMessage, headers map[string]string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// compareError checks code and message exactly (or the plain body for a
// path that is not a method).
func compareError(t *testing.T, rc replay.Case, body []byte) {
	var want, got struct{ Code, Message string }
	if err := json.Unmarshal(rc.Response, &want); err != nil {
		var text string
		_ = json.Unmarshal(rc.Response, &text)
		if string(body) != text {
			t.Errorf("body %q, server sent %q", body, text)
		}
		return
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("error body is not JSON: %s", body)
	}
	if got != want {
		t.Errorf("error %+v\nserver said %+v", got, want)
	}
}

// compareAnswer sends the request again through a Connect client speaking
// protobuf and compares the decoded answer with the recorded one.
func compareAnswer(t *testing.T, s *Server, rc replay.Case) {
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	ctx := context.Background()
	method := methodOf(rc.Method)
	header := func(r interface{ Header() http.Header }) {
		for k, v := range rc.RequestHeaders {
			r.Header().Set(k, v)
		}
	}
	switch method {
	case "SelectMergeStacktraces":
		req := connect.NewRequest(&querierv1.SelectMergeStacktracesRequest{})
		resp := call(t, rc, req.Msg, func() (*connect.Response[querierv1.SelectMergeStacktracesResponse], error) {
			return client.SelectMergeStacktraces(ctx, req)
		})
		want := &querierv1.SelectMergeStacktracesResponse{}
		unmarshalRecorded(t, rc.Response, want)
		compareFlameGraphs(t, rc.Name, resp.Msg.Flamegraph, want.Flamegraph)
	case "Diff":
		req := connect.NewRequest(&querierv1.DiffRequest{})
		resp := call(t, rc, req.Msg, func() (*connect.Response[querierv1.DiffResponse], error) { return client.Diff(ctx, req) })
		want := &querierv1.DiffResponse{}
		unmarshalRecorded(t, rc.Response, want)
		// The server repaired go-heap-large's cut Go stacks, which moves
		// the maxNodes cut-off: only the totals of each side can match.
		compareDiffs(t, resp.Msg.Flamegraph, want.Flamegraph)
	case "SelectMergeProfile":
		req := connect.NewRequest(&querierv1.SelectMergeProfileRequest{})
		resp := call(t, rc, req.Msg, func() (*connect.Response[googlev1.Profile], error) { return client.SelectMergeProfile(ctx, req) })
		want := &googlev1.Profile{}
		unmarshalRecorded(t, rc.Response, want)
		compareStacks(t, pprofStackSelf(resp.Msg), pprofStackSelf(want))
	default:
		got, want := exactCall(t, ctx, client, rc, header)
		if !proto.Equal(got, want) {
			t.Errorf("answer differs\n got: %s\nwant: %s", protojson.Format(got), protojson.Format(want))
		}
	}
}

func call[Req, Resp any](t *testing.T, rc replay.Case, msg *Req, do func() (*connect.Response[Resp], error)) *connect.Response[Resp] {
	t.Helper()
	unmarshalRecorded(t, rc.Request, any(msg).(proto.Message))
	resp, err := do()
	if err != nil {
		t.Fatalf("%s: %v", rc.Name, err)
	}
	return resp
}

// exactCall runs the methods whose answers must match field for field.
func exactCall(t *testing.T, ctx context.Context, client querierv1connect.QuerierServiceClient, rc replay.Case, header func(interface{ Header() http.Header })) (got, want proto.Message) {
	t.Helper()
	var err error
	switch methodOf(rc.Method) {
	case "ProfileTypes":
		req := connect.NewRequest(&querierv1.ProfileTypesRequest{})
		unmarshalRecorded(t, rc.Request, req.Msg)
		header(req)
		var resp *connect.Response[querierv1.ProfileTypesResponse]
		resp, err = client.ProfileTypes(ctx, req)
		got, want = msgOf(resp), &querierv1.ProfileTypesResponse{}
	case "LabelNames":
		req := connect.NewRequest(&typesv1.LabelNamesRequest{})
		unmarshalRecorded(t, rc.Request, req.Msg)
		var resp *connect.Response[typesv1.LabelNamesResponse]
		resp, err = client.LabelNames(ctx, req)
		got, want = msgOf(resp), &typesv1.LabelNamesResponse{}
	case "LabelValues":
		req := connect.NewRequest(&typesv1.LabelValuesRequest{})
		unmarshalRecorded(t, rc.Request, req.Msg)
		var resp *connect.Response[typesv1.LabelValuesResponse]
		resp, err = client.LabelValues(ctx, req)
		got, want = msgOf(resp), &typesv1.LabelValuesResponse{}
	case "Series":
		req := connect.NewRequest(&querierv1.SeriesRequest{})
		unmarshalRecorded(t, rc.Request, req.Msg)
		var resp *connect.Response[querierv1.SeriesResponse]
		resp, err = client.Series(ctx, req)
		got, want = msgOf(resp), &querierv1.SeriesResponse{}
	case "SelectSeries":
		req := connect.NewRequest(&querierv1.SelectSeriesRequest{})
		unmarshalRecorded(t, rc.Request, req.Msg)
		var resp *connect.Response[querierv1.SelectSeriesResponse]
		resp, err = client.SelectSeries(ctx, req)
		got, want = msgOf(resp), &querierv1.SelectSeriesResponse{}
	default:
		t.Fatalf("no comparison for method %s", rc.Method)
	}
	if err != nil {
		t.Fatalf("%s: %v", rc.Name, err)
	}
	unmarshalRecorded(t, rc.Response, want)
	return got, want
}

func msgOf[T any](r *connect.Response[T]) proto.Message {
	if r == nil {
		return nil
	}
	return any(r.Msg).(proto.Message)
}

func unmarshalRecorded(t *testing.T, raw json.RawMessage, into proto.Message) {
	t.Helper()
	if err := protojson.Unmarshal(raw, into); err != nil {
		t.Fatalf("recorded JSON: %v", err)
	}
}

func compareFlameGraphs(t *testing.T, name string, got, want *querierv1.FlameGraph) {
	t.Helper()
	if got.GetTotal() != want.GetTotal() {
		t.Errorf("total %d, server %d", got.GetTotal(), want.GetTotal())
	}
	if got.Names[0] != "total" {
		t.Errorf("names[0] = %q, want total", got.Names[0])
	}
	gotStacks, wantStacks := stackSelf(got), stackSelf(want)
	if sum(gotStacks) != got.GetTotal() {
		t.Errorf("decoded self sums to %d, total says %d", sum(gotStacks), got.GetTotal())
	}
	if hasOther(gotStacks) != hasOther(wantStacks) {
		t.Errorf("'other' node in the answer: %v, in the server's: %v", hasOther(gotStacks), hasOther(wantStacks))
	}
	if totalsOnly[name] {
		return
	}
	compareStacks(t, gotStacks, wantStacks)
}

func compareDiffs(t *testing.T, got, want *querierv1.FlameGraphDiff) {
	t.Helper()
	if got.LeftTicks != want.LeftTicks || got.RightTicks != want.RightTicks || got.Total != want.Total {
		t.Errorf("ticks left %d right %d total %d, server %d %d %d",
			got.LeftTicks, got.RightTicks, got.Total, want.LeftTicks, want.RightTicks, want.Total)
	}
	left, right := diffStackSelf(got)
	if sum(left) != got.LeftTicks || sum(right) != got.RightTicks {
		t.Errorf("decoded sides sum to %d and %d, ticks say %d and %d", sum(left), sum(right), got.LeftTicks, got.RightTicks)
	}
}

func compareStacks(t *testing.T, got, want map[string]int64) {
	t.Helper()
	var diffs []string
	for k, w := range want {
		if got[k] != w {
			diffs = append(diffs, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, k)
		}
	}
	if len(diffs) > 0 {
		t.Errorf("%d of %d stacks differ, e.g. %q: got %d, want %d", len(diffs), len(want), diffs[0], got[diffs[0]], want[diffs[0]])
	}
}

func sum(m map[string]int64) int64 {
	var s int64
	for _, v := range m {
		s += v
	}
	return s
}

func hasOther(m map[string]int64) bool {
	for k := range m {
		if k == "other" || strings.HasSuffix(k, ";other") {
			return true
		}
	}
	return false
}
