package plugin

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/pprof/profile"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/pyroscope/replay"
	"github.com/embers/embers/pkg/pyroscopetest"
)

// getResource calls a route as Grafana does and keeps the headers.
func getResource(t *testing.T, d *Datasource, pathAndQuery string) *backend.CallResourceResponse {
	t.Helper()
	path, _, _ := strings.Cut(pathAndQuery, "?")
	var got *backend.CallResourceResponse
	err := d.CallResource(context.Background(), &backend.CallResourceRequest{Path: path, Method: http.MethodGet, URL: pathAndQuery},
		backend.CallResourceResponseSenderFunc(func(r *backend.CallResourceResponse) error { got = r; return nil }))
	if err != nil || got == nil {
		t.Fatalf("CallResource(%s): %v", path, err)
	}
	return got
}

func pprofURL(selector string, tr backend.TimeRange) string {
	return "pprof?" + url.Values{
		"profileTypeId": {cpuType},
		"selector":      {selector},
		"from":          {fmt.Sprint(tr.From.UnixMilli())},
		"to":            {fmt.Sprint(tr.To.UnixMilli())},
	}.Encode()
}

// decodePprof reads the body with pprof's own parser, not our code.
func decodePprof(t *testing.T, res *backend.CallResourceResponse) *profile.Profile {
	t.Helper()
	if res.Status != http.StatusOK {
		t.Fatalf("status %d: %s", res.Status, res.Body)
	}
	if len(res.Body) < 2 || res.Body[0] != 0x1f || res.Body[1] != 0x8b {
		t.Fatalf("the body is not gzipped")
	}
	p, err := profile.Parse(bytes.NewReader(res.Body))
	if err != nil {
		t.Fatalf("not a valid pprof file: %v", err)
	}
	return p
}

// share sums a profile's first sample type and the part of it under fn.
func share(p *profile.Profile, fn string) (total, under int64) {
	for _, s := range p.Sample {
		total += s.Value[0]
		for _, loc := range s.Location {
			if len(loc.Line) > 0 && loc.Line[0].Function.Name == fn {
				under += s.Value[0]
				break
			}
		}
	}
	return total, under
}

func TestPprofResourceOnTheFakeIsTheUploadedProfile(t *testing.T) {
	fake := pyroscopetest.New(t)
	now := time.Now()
	ingest(t, fake, "workload-cpu.pb.gz", now.Add(-2*time.Minute), map[string]string{"service_name": "workload", "region": "eu-west"})
	ingest(t, fake, "workload-cpu.pb.gz", now.Add(-time.Minute), map[string]string{"service_name": "workload", "region": "us-east"})
	d := newDS(t, fake.URL, `{}`, nil)
	tr := lastHalfHour()
	res := getResource(t, d, pprofURL(`{service_name="workload"}`, tr))
	p := decodePprof(t, res)
	if len(p.SampleType) != 1 || p.SampleType[0].Type != "cpu" || p.SampleType[0].Unit != "nanoseconds" {
		t.Errorf("sample types %v, want cpu/nanoseconds", p.SampleType)
	}
	total, slow := share(p, "main.slowFunction")
	if want := 2 * pprofTotal(t, "workload-cpu.pb.gz", "cpu"); total != want {
		t.Errorf("pprof total %d ns, want the two uploads' %d", total, want)
	}
	if r := float64(slow) / float64(total); math.Abs(r-0.79) > 0.02 {
		t.Errorf("slowFunction holds %.3f of the profile, want about 0.79", r)
	}
	wantName := fmt.Sprintf(`attachment; filename="workload_process_cpu-cpu_%s.pb.gz"`, tr.From.UTC().Format("20060102-150405"))
	if got := header(res, "Content-Disposition"); got != wantName {
		t.Errorf("Content-Disposition %q, want %q", got, wantName)
	}
	req := fake.Requests()[len(fake.Requests())-1]
	if m, ok := req.Msg.(*querierv1.SelectMergeProfileRequest); !ok || m.GetMaxNodes() != 16384 || m.LabelSelector != `{service_name="workload"}` {
		t.Errorf("sent %v", req.Msg)
	}
}

func TestPprofResourceOnTheRecordedAnswer(t *testing.T) {
	rc := replay.Load(t, "merge-profile-embers-workload")
	srv := replay.Serve(t, rc)
	d := newDS(t, srv.URL, `{}`, nil)
	p := decodePprof(t, getResource(t, d, pprofURL(`{service_name="embers-workload"}`, recordedRange(t, rc))))
	total, slow := share(p, "main.slowFunction")
	if total != 6260000000 {
		t.Errorf("pprof total %d ns, want 6.26 s of CPU as recorded", total)
	}
	if r := float64(slow) / float64(total); math.Abs(r-0.792) > 0.005 {
		t.Errorf("slowFunction holds %.3f of the profile, want 0.792", r)
	}
	if p.Period != 1000000000 {
		t.Errorf("period %d, want the server's 1000000000", p.Period)
	}
}

func TestPprofResourceRefusesBadInputClearly(t *testing.T) {
	srv := replay.Serve(t, replay.Load(t, "merge-profile-embers-workload"))
	d := newDS(t, srv.URL, `{}`, nil)
	for _, tt := range []struct{ url, want string }{
		{"pprof?from=1796146980000&to=1796147520000", "choose a profile type"},
		{"pprof?profileTypeId=cpu&from=1796146980000&to=1796147520000", "must look like name:sample_type"},
		{"pprof?profileTypeId=" + cpuType + "&selector=service_name%3D%22x%22&from=1796146980000&to=1796147520000", "must be wrapped in braces"},
		{"pprof?profileTypeId=" + cpuType + "&from=1796147520000&to=1796146980000", "must start before it ends"},
	} {
		res := getResource(t, d, tt.url)
		var body struct{ Error string }
		_ = json.Unmarshal(res.Body, &body)
		if res.Status != http.StatusBadRequest || !strings.Contains(body.Error, tt.want) {
			t.Errorf("%s: %d %s, want 400 saying %q", tt.url, res.Status, res.Body, tt.want)
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d calls reached the server for bad input", n)
	}
}

func TestFlameGraphFrameSaysHowToExportIt(t *testing.T) {
	rc := replay.Load(t, "merge-embers-workload-process_cpu-cpu")
	srv := replay.Serve(t, rc)
	inst, err := NewDatasource(context.Background(), backend.DataSourceInstanceSettings{UID: "embers-uid", URL: srv.URL, JSONData: json.RawMessage(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	d := inst.(*Datasource)
	tr := recordedRange(t, rc)
	res := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("profile", cpuType, `{service_name="embers-workload"}`, ""))).Responses["A"]
	fg := frameByName(t, res.Frames, "flamegraph")
	got, _ := json.Marshal(fg.Meta.Custom)
	want := fmt.Sprintf(`{"pprof":{"datasourceUid":"embers-uid","profileTypeId":%q,"labelSelector":"{service_name=\"embers-workload\"}","from":%d,"to":%d}}`, cpuType, tr.From.UnixMilli(), tr.To.UnixMilli())
	if string(got) != want {
		t.Errorf("custom meta %s\nwant %s", got, want)
	}
}

func header(res *backend.CallResourceResponse, name string) string {
	for k, v := range res.Headers {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}
