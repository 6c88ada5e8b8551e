package plugin

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
	"google.golang.org/protobuf/proto"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

const demoSelector = `{service_name="embers-demo"}`

func newDSWithUID(t *testing.T, url string) *Datasource {
	t.Helper()
	inst, err := NewDatasource(context.Background(), backend.DataSourceInstanceSettings{UID: "embers-uid", URL: url, JSONData: json.RawMessage(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	d := inst.(*Datasource)
	t.Cleanup(d.Dispose)
	return d
}

func exemplarFrameOf(fs data.Frames) *data.Frame {
	for _, f := range fs {
		if f.Name == "exemplar" {
			return f
		}
	}
	return nil
}

func TestSeriesCarryTheirExemplarsLinkedToTheirProfiles(t *testing.T) {
	rc := replay.Load(t, "series-embers-demo-exemplars")
	srv := replay.Serve(t, rc)
	d := newDSWithUID(t, srv.URL)
	tr := recordedRange(t, rc)
	res := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("metrics", cpuType, demoSelector, ""))).Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	if got := sent(t, srv, "SelectSeries", 0, &querierv1.SelectSeriesRequest{}).ExemplarType; got != typesv1.ExemplarType_EXEMPLAR_TYPE_INDIVIDUAL {
		t.Errorf("sent exemplar type %v", got)
	}
	ex := exemplarFrameOf(res.Frames)
	if ex == nil {
		t.Fatalf("no exemplar frame among %d frames", len(res.Frames))
	}
	if ex.Meta == nil || ex.Meta.DataTopic != data.DataTopicAnnotations {
		t.Errorf("exemplar frame meta %+v, want the annotations data topic Grafana reads exemplars from", ex.Meta)
	}
	if n, _ := ex.RowLen(); n != 6 {
		t.Fatalf("%d exemplars, want one per point (6)", n)
	}
	ids, _ := ex.FieldByName("profileId")
	times, _ := ex.FieldByName("Time")
	values, _ := ex.FieldByName("Value")
	region, _ := ex.FieldByName("region")
	if ids.At(0) != "0d78ab4f-5170-48f0-9652-4cef5cdea91e" || times.At(0).(time.Time).UnixMilli() != 1796147195044 || region == nil || region.At(0) != "eu-north" {
		t.Errorf("first exemplar: id %v at %v region %v", ids.At(0), times.At(0), region)
	}
	if f, _ := ex.FieldByName("__profile_type__"); f != nil {
		t.Error("internal labels are shown on exemplars")
	}
	// The marker sits among the points: the profile's 16.04 s of CPU on the series' scale (cores).
	series := frameByName(t, res.Frames, `{}`)
	step := series.Fields[0].Config.Interval / 1000
	if got := values.At(0).(float64) * step; got < 16.03 || got > 16.05 {
		t.Errorf("exemplar value %v cores over a %vs step, want 16.04 s of CPU", values.At(0), step)
	}
	link := ids.Config.Links[0]
	q, _ := json.Marshal(link.Internal.Query)
	if link.Internal.DatasourceUID != "embers-uid" || !strings.Contains(string(q), `"profileIdSelector":["${__value.raw}"]`) || !strings.Contains(string(q), `"queryType":"profile"`) {
		t.Errorf("link %+v query %s", link.Internal, q)
	}
	first := times.At(0).(time.Time)
	if r := link.Internal.Range; r == nil || !r.From.Before(first) || r.To.Before(first) {
		t.Errorf("link range %+v does not hold the first exemplar's profile (%v)", r, first)
	}
}

// exemplarsRefused answers SelectSeries with exemplars as v2.0.6 answers
// EXEMPLAR_TYPE_SPAN (500, not implemented), and without them from a recording.
func exemplarsRefused(t *testing.T, refusal, series replay.Case) (*httptest.Server, *[]bool) {
	t.Helper()
	plain := replay.Serve(t, series)
	var asked []bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req querierv1.SelectSeriesRequest
		_ = proto.Unmarshal(body, &req)
		withExemplars := req.ExemplarType != typesv1.ExemplarType_EXEMPLAR_TYPE_UNSPECIFIED
		asked = append(asked, withExemplars)
		if withExemplars {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(refusal.Status)
			_, _ = w.Write(refusal.Response)
			return
		}
		fwd, _ := http.NewRequest(r.Method, plain.URL+r.URL.Path, bytes.NewReader(body))
		fwd.Header = r.Header.Clone()
		resp, err := http.DefaultClient.Do(fwd)
		if err != nil {
			t.Error(err)
			return
		}
		defer resp.Body.Close()
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		_, _ = io.Copy(w, resp.Body)
	}))
	t.Cleanup(srv.Close)
	return srv, &asked
}

func TestExemplarsNotImplementedLeaveTheSeriesAsTheyAre(t *testing.T) {
	series := replay.Load(t, "series-embers-demo-cpu-step-60")
	srv, asked := exemplarsRefused(t, replay.Load(t, "series-embers-spans-exemplars-span"), series)
	d := newDSWithUID(t, srv.URL)
	res := runQueries(t, d, nil, dataQuery("A", recordedRange(t, series), queryJSON("metrics", cpuType, demoSelector, ""))).Responses["A"]
	if res.Error != nil {
		t.Fatalf("a server without exemplars failed the series: %v", res.Error)
	}
	if !slices.Equal(*asked, []bool{true, false}) {
		t.Errorf("requests with exemplars: %v, want one with, then one without", *asked)
	}
	if exemplarFrameOf(res.Frames) != nil || len(res.Frames) != 1 {
		t.Errorf("%d frames, want the series alone", len(res.Frames))
	}
}

func TestAnOlderServerWithoutExemplarsChangesNothing(t *testing.T) {
	rc := replay.Load(t, "series-embers-demo-cpu-step-60")
	srv := replay.Serve(t, rc)
	d := newDSWithUID(t, srv.URL)
	res := runQueries(t, d, nil, dataQuery("A", recordedRange(t, rc), queryJSON("metrics", cpuType, demoSelector, ""))).Responses["A"]
	if res.Error != nil || exemplarFrameOf(res.Frames) != nil || len(res.Frames) != 1 || len(res.Frames[0].Meta.Notices) != 0 {
		t.Errorf("error %v, %d frames; want the series alone, no notice", res.Error, len(res.Frames))
	}
}

func TestAlertRulesAskForNoExemplars(t *testing.T) {
	rc := replay.Load(t, "series-embers-demo-exemplars")
	srv := replay.Serve(t, rc)
	d := newDSWithUID(t, srv.URL)
	res := runQueries(t, d, map[string]string{backend.FromAlertHeaderName: "true"}, dataQuery("A", recordedRange(t, rc), queryJSON("metrics", cpuType, demoSelector, ""))).Responses["A"]
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	if got := sent(t, srv, "SelectSeries", 0, &querierv1.SelectSeriesRequest{}).ExemplarType; got != typesv1.ExemplarType_EXEMPLAR_TYPE_UNSPECIFIED {
		t.Errorf("an alert rule asked for exemplars (%v)", got)
	}
}

func TestAnExemplarsLinkAsksForExactlyThatProfile(t *testing.T) {
	rc := replay.Load(t, "merge-embers-demo-process_cpu-cpu")
	srv := replay.Serve(t, rc)
	d := newDSWithUID(t, srv.URL)
	const id = "0d78ab4f-5170-48f0-9652-4cef5cdea91e"
	res := runQueries(t, d, nil, dataQuery("A", recordedRange(t, rc), queryJSON("profile", cpuType, demoSelector, `"profileIdSelector":["`+id+`"]`))).Responses["A"]
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	if got := sent(t, srv, "SelectMergeStacktraces", 0, &querierv1.SelectMergeStacktracesRequest{}).ProfileIdSelector; !slices.Equal(got, []string{id}) {
		t.Errorf("sent profile ids %q", got)
	}
	fg := frameByName(t, res.Frames, "flamegraph")
	if !strings.Contains(fg.Meta.ExecutedQueryString, "profiles="+id) || fg.Meta.Custom != nil {
		t.Errorf("executed %q custom %v: want the profile named and no pprof export of a selection", fg.Meta.ExecutedQueryString, fg.Meta.Custom)
	}
	bad := runQueries(t, d, nil, dataQuery("B", recordedRange(t, rc), queryJSON("profile", cpuType, demoSelector, `"profileIdSelector":[""]`))).Responses["B"]
	if bad.Error == nil || !strings.Contains(bad.Error.Error(), "profile id 1 is empty") {
		t.Errorf("empty profile id: %v", bad.Error)
	}
}
