package plugin

import (
	"math"
	"strings"
	"testing"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

func TestProfileQueryReturnsTheFlameGraph(t *testing.T) {
	rc := replay.Load(t, "merge-embers-workload-process_cpu-cpu")
	srv := replay.Serve(t, rc)
	d := newDS(t, srv.URL, `{}`, nil)
	resp := runQueries(t, d, nil, dataQuery("A", recordedRange(t, rc), queryJSON("profile", cpuType, `{service_name="embers-workload"}`, "")))
	res := resp.Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	fg := frameByName(t, res.Frames, "flamegraph")
	if got := int64At(t, fg, "value", 0); got != 6260000000 {
		t.Errorf("root total = %d ns, want 6260000000 (6.26 s of CPU)", got)
	}
	if got := fg.Meta.ExecutedQueryString; got != `profile `+cpuType+` {service_name="embers-workload"} maxNodes=16384` {
		t.Errorf("executedQueryString = %q", got)
	}
	req := sent(t, srv, "SelectMergeStacktraces", 0, &querierv1.SelectMergeStacktracesRequest{})
	if req.GetMaxNodes() != 16384 || req.LabelSelector != `{service_name="embers-workload"}` || req.Start != recordedRange(t, rc).From.UnixMilli() {
		t.Errorf("sent %v", req)
	}
}

func TestMaxNodesIsAlwaysBoundedWhenSent(t *testing.T) {
	rc := replay.Load(t, "merge-embers-workload-maxnodes-16")
	srv := replay.Serve(t, rc)
	tr := recordedRange(t, rc)
	d := newDS(t, srv.URL, `{"maxNodes":100}`, nil)
	runQueries(t, d, nil, dataQuery("A", tr, queryJSON("profile", cpuType, `{service_name="embers-workload"}`, "")))
	runQueries(t, d, nil, dataQuery("B", tr, queryJSON("profile", cpuType, `{service_name="embers-workload"}`, `"maxNodes":16`)))
	if got := sent(t, srv, "SelectMergeStacktraces", 0, &querierv1.SelectMergeStacktracesRequest{}).GetMaxNodes(); got != 100 {
		t.Errorf("with no query value, sent maxNodes %d, want the settings' 100", got)
	}
	if got := sent(t, srv, "SelectMergeStacktraces", 1, &querierv1.SelectMergeStacktracesRequest{}).GetMaxNodes(); got != 16 {
		t.Errorf("sent maxNodes %d, want the query's 16", got)
	}
	// Over the cap is refused, as the editor refuses it, and never sent.
	over := runQueries(t, d, nil, dataQuery("C", tr, queryJSON("profile", cpuType, `{service_name="embers-workload"}`, `"maxNodes":5000000`)))
	if r := over.Responses["C"]; r.Error == nil || r.Error.Error() != "Max nodes must be a whole number from 1 to 1,048,576" {
		t.Errorf("5,000,000 max nodes answered %v", r.Error)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests reached the server, want the 2 valid queries'", n)
	}
}

func TestMetricsQueryReturnsRatesPerRegion(t *testing.T) {
	rc := replay.Load(t, "series-embers-workload-by-region")
	srv := replay.Serve(t, rc)
	d := newDS(t, srv.URL, `{}`, nil)
	tr := recordedRange(t, rc)
	resp := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("metrics", cpuType, `{service_name="embers-workload"}`, `"groupBy":["region"]`)))
	res := resp.Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	if len(res.Frames) != 2 {
		t.Fatalf("got %d series frames, want one per region (2)", len(res.Frames))
	}
	req := sent(t, srv, "SelectSeries", 0, &querierv1.SelectSeriesRequest{})
	if req.Step != 15 || len(req.GroupBy) != 1 || req.GroupBy[0] != "region" {
		t.Errorf("sent step %v groupBy %v, want 15 s by region", req.Step, req.GroupBy)
	}
	// 3.13 s of CPU in a 15 s step is 0.2087 cores.
	if v := firstValue(t, res.Frames[0]); math.Abs(v-3.13/15) > 1e-9 {
		t.Errorf("first point = %v, want 0.2087 cores", v)
	}
	if got := res.Frames[0].Meta.ExecutedQueryString; !strings.Contains(got, "metrics "+cpuType) || !strings.Contains(got, "step=15s") || !strings.Contains(got, "groupBy=region") {
		t.Errorf("executedQueryString = %q", got)
	}
}

// firstValue is the first value of the frame's first number field.
func firstValue(t *testing.T, f *data.Frame) float64 {
	t.Helper()
	for _, fld := range f.Fields {
		if fld.Type() == data.FieldTypeTime || fld.Type() == data.FieldTypeNullableTime || fld.Len() == 0 {
			continue
		}
		if v, ok := fld.ConcreteAt(0); ok {
			if x, ok := v.(float64); ok {
				return x
			}
		}
	}
	t.Fatalf("frame %q has no float value", f.Name)
	return 0
}

func TestBothQueryReturnsSeriesAndFlameGraph(t *testing.T) {
	merge := replay.Load(t, "merge-embers-workload-process_cpu-cpu")
	srv := replay.Serve(t, merge, replay.Load(t, "series-embers-workload-limit-1"))
	d := newDS(t, srv.URL, `{}`, nil)
	resp := runQueries(t, d, nil, dataQuery("A", recordedRange(t, merge), queryJSON("both", cpuType, `{service_name="embers-workload"}`, `"limit":1,"groupBy":["region"]`)))
	res := resp.Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	frameByName(t, res.Frames, "flamegraph")
	if len(res.Frames) != 2 {
		t.Errorf("got %d frames, want 1 series (limit 1) + the flame graph", len(res.Frames))
	}
	if got := sent(t, srv, "SelectSeries", 0, &querierv1.SelectSeriesRequest{}).GetLimit(); got != 1 {
		t.Errorf("sent limit %d, want 1", got)
	}
}

func TestDiffQueryShiftsTheRightWindow(t *testing.T) {
	rc := replay.Load(t, "diff-embers-demo-time-shift")
	srv := replay.Serve(t, rc)
	d := newDS(t, srv.URL, `{}`, nil)
	tr := recordedRange(t, rc)
	resp := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("diff", cpuType, `{service_name="embers-demo"}`, `"right":{"labelSelector":"{service_name=\"embers-demo\", region=\"eu-north\"}","timeShift":"3m"}`)))
	res := resp.Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	fg := frameByName(t, res.Frames, "flamegraph")
	if left, right := int64At(t, fg, "value", 0), int64At(t, fg, "valueRight", 0); left != 96830000000 || right != 96740000000 {
		t.Errorf("root left/right = %d/%d, want the server's leftTicks/rightTicks 96830000000/96740000000", left, right)
	}
	req := sent(t, srv, "Diff", 0, &querierv1.DiffRequest{})
	if req.Left.Start != tr.From.UnixMilli() || req.Right.Start != tr.From.Add(-3*time.Minute).UnixMilli() || req.Right.End != tr.To.Add(-3*time.Minute).UnixMilli() {
		t.Errorf("left starts %d, right %d..%d: want the right window 3 min earlier", req.Left.Start, req.Right.Start, req.Right.End)
	}
	if got := fg.Meta.ExecutedQueryString; got != `diff `+cpuType+` {service_name="embers-demo"} vs {service_name="embers-demo", region="eu-north"} shifted by 3m maxNodes=16384` {
		t.Errorf("executedQueryString = %q", got)
	}
	if req.Right.LabelSelector != `{service_name="embers-demo", region="eu-north"}` {
		t.Errorf("right selector = %q", req.Right.LabelSelector)
	}
}

func TestOneBadQueryDoesNotTakeTheOthersDown(t *testing.T) {
	rc := replay.Load(t, "merge-embers-workload-process_cpu-cpu")
	srv := replay.Serve(t, rc)
	d := newDS(t, srv.URL, `{}`, nil)
	tr := recordedRange(t, rc)
	good := queryJSON("profile", cpuType, `{service_name="embers-workload"}`, "")
	resp := runQueries(t, d, nil,
		dataQuery("A", tr, good),
		dataQuery("B", tr, `{"queryType":"profile","profileTypeId":"cpu"}`),
		dataQuery("C", tr, `not json`),
		dataQuery("D", tr, good),
	)
	for _, ref := range []string{"A", "D"} {
		if r := resp.Responses[ref]; r.Error != nil || len(r.Frames) == 0 {
			t.Errorf("good query %s: error %v, %d frames", ref, r.Error, len(r.Frames))
		}
	}
	if r := resp.Responses["B"]; r.Error == nil || !strings.Contains(r.Error.Error(), "must look like name:sample_type") || r.Status != backend.StatusBadRequest {
		t.Errorf("bad profile type: %v (status %d)", r.Error, r.Status)
	}
	if r := resp.Responses["C"]; r.Error == nil || !strings.Contains(r.Error.Error(), "could not be read") {
		t.Errorf("bad JSON: %v", r.Error)
	}
}

func TestAlertRulesNeedAMetricsQuery(t *testing.T) {
	merge := replay.Load(t, "merge-embers-workload-process_cpu-cpu")
	srv := replay.Serve(t, merge, replay.Load(t, "series-embers-workload-by-region"))
	d := newDS(t, srv.URL, `{}`, nil)
	tr := recordedRange(t, merge)
	for _, headers := range []map[string]string{{"FromAlert": "true"}, {"http_X-Rule-Uid": "abc"}} {
		resp := runQueries(t, d, headers,
			dataQuery("A", tr, queryJSON("both", cpuType, `{service_name="embers-workload"}`, "")),
			dataQuery("B", tr, queryJSON("metrics", cpuType, `{service_name="embers-workload"}`, "")))
		if r := resp.Responses["A"]; r.Error == nil || !strings.Contains(r.Error.Error(), "alert rules need a metrics query") {
			t.Errorf("%v: both query from an alert: %v", headers, r.Error)
		}
		if r := resp.Responses["B"]; r.Error != nil || len(r.Frames) == 0 {
			t.Errorf("%v: metrics query from an alert: %v", headers, r.Error)
		}
	}
	if r := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("both", cpuType, `{service_name="embers-workload"}`, ""))).Responses["A"]; r.Error != nil {
		t.Errorf("a dashboard's both query failed: %v", r.Error)
	}
}

func TestEmptyAnswersExplainThemselves(t *testing.T) {
	rc := replay.Load(t, "merge-empty")
	srv := replay.Serve(t, rc, emptySeries())
	d := newDS(t, srv.URL, `{}`, nil)
	tr := recordedRange(t, rc)
	notice := func(fs data.Frames) string {
		var out []string
		for _, f := range fs {
			if f.Meta != nil {
				for _, n := range f.Meta.Notices {
					out = append(out, n.Text)
				}
			}
		}
		return strings.Join(out, "|")
	}
	named := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("profile", cpuType, `{service_name="no-such-service"}`, ""))).Responses["A"]
	if named.Error != nil || !strings.Contains(notice(named.Frames), "No data for") || strings.Contains(notice(named.Frames), "compacted") {
		t.Errorf("named service: err %v, notices %q", named.Error, notice(named.Frames))
	}
	unnamed := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("metrics", cpuType, `{env=~"prod|staging"}`, ""))).Responses["A"]
	if unnamed.Error != nil || !strings.Contains(notice(unnamed.Frames), "name the service") {
		t.Errorf("unnamed service: err %v, notices %q", unnamed.Error, notice(unnamed.Frames))
	}
	if unnamed.Frames[0].Meta.ExecutedQueryString == "" {
		t.Error("an empty answer lost its executedQueryString")
	}
}

func TestTenantAndBearerAreSentButNeverLogged(t *testing.T) {
	logs := withCapturedLogs(t)
	rc := replay.Load(t, "merge-embers-workload-process_cpu-cpu")
	srv := replay.Serve(t, rc)
	d := newDS(t, srv.URL, `{"tenantId":"team-a","authType":"bearer"}`, map[string]string{"bearerToken": "tok-s3cret-123"})
	res := runQueries(t, d, nil, dataQuery("A", recordedRange(t, rc), queryJSON("profile", cpuType, `{service_name="embers-workload"}`, ""))).Responses["A"]
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	h := srv.Requests()[0].Header
	if h.Get("X-Scope-OrgID") != "team-a" || h.Get("Authorization") != "Bearer tok-s3cret-123" {
		t.Errorf("sent headers %v", h)
	}
	lines := logs.all()
	if len(lines) == 0 {
		t.Fatal("nothing was logged: the refId and timing should be")
	}
	for _, l := range lines {
		if strings.Contains(l, "tok-s3cret-123") {
			t.Errorf("a log line holds the token: %s", l)
		}
	}
	if !strings.Contains(strings.Join(lines, "\n"), "refId A ") {
		t.Error("no log line names the refId")
	}
}

func TestBothQueryKeepsTheFlameGraphWhenSeriesFail(t *testing.T) {
	merge := replay.Load(t, "merge-embers-workload-process_cpu-cpu")
	srv := replay.Serve(t, merge) // no SelectSeries: the server answers 404
	d := newDS(t, srv.URL, `{}`, nil)
	res := runQueries(t, d, nil, dataQuery("A", recordedRange(t, merge), queryJSON("both", cpuType, `{service_name="embers-workload"}`, ""))).Responses["A"]
	if res.Error == nil || !strings.Contains(res.Error.Error(), "does not look like a Pyroscope server") {
		t.Errorf("error = %v", res.Error)
	}
	if fg := frameByName(t, res.Frames, "flamegraph"); int64At(t, fg, "value", 0) != 6260000000 {
		t.Error("the flame graph lost its total")
	}
}

func TestEmptyAnswersSayItOnce(t *testing.T) {
	rc := replay.Load(t, "merge-empty")
	srv := replay.Serve(t, rc, emptySeries())
	d := newDS(t, srv.URL, `{}`, nil)
	tr := recordedRange(t, rc)
	for _, qt := range []string{"profile", "metrics", "both"} {
		for _, sel := range []string{`{service_name="no-such-service"}`, `{env=~"prod|staging"}`} {
			res := runQueries(t, d, nil, dataQuery("A", tr, queryJSON(qt, cpuType, sel, ""))).Responses["A"]
			if res.Error != nil {
				t.Fatalf("%s %s: %v", qt, sel, res.Error)
			}
			var texts []string
			for _, f := range res.Frames {
				if f.Meta != nil {
					for _, n := range f.Meta.Notices {
						texts = append(texts, n.Text)
					}
				}
			}
			if len(texts) != 1 {
				t.Errorf("%s %s: Explore shows %d notices, want one: %q", qt, sel, len(texts), texts)
			}
		}
	}
}
