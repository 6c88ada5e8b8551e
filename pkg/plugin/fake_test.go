package plugin

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/pprof/profile"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/internal/testpaths"
	"github.com/embers/embers/pkg/pyroscopetest"
)

// profilePath is one of the project's own pprof files (testdata/profiles).
func profilePath(t *testing.T, name string) string {
	return testpaths.Repo(t, "testdata", "profiles", name)
}

// pprofTotal sums one sample type straight from the pprof file, without our
// code in between.
func pprofTotal(t *testing.T, name, sampleType string) int64 {
	t.Helper()
	b, err := os.ReadFile(profilePath(t, name))
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.ParseData(b)
	if err != nil {
		t.Fatal(err)
	}
	idx := -1
	for i, st := range p.SampleType {
		if st.Type == sampleType {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatalf("%s has no sample type %s", name, sampleType)
	}
	var sum int64
	for _, s := range p.Sample {
		sum += s.Value[idx]
	}
	return sum
}

func ingest(t *testing.T, s *pyroscopetest.Server, file string, at time.Time, labels map[string]string) {
	t.Helper()
	b, err := os.ReadFile(profilePath(t, file))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.IngestAt(b, labels, at); err != nil {
		t.Fatal(err)
	}
}

func lastHalfHour() backend.TimeRange {
	now := time.Now()
	return backend.TimeRange{From: now.Add(-30 * time.Minute), To: now.Add(time.Minute)}
}

func TestQueriesOnRealProfilesThroughTheFake(t *testing.T) {
	fake := pyroscopetest.New(t)
	now := time.Now()
	ingest(t, fake, "workload-cpu.pb.gz", now.Add(-2*time.Minute), map[string]string{"service_name": "workload", "region": "eu-west"})
	ingest(t, fake, "workload-cpu.pb.gz", now.Add(-time.Minute), map[string]string{"service_name": "workload", "region": "us-east"})
	ingest(t, fake, "workload-cpu.pb.gz", now.Add(-time.Hour-time.Minute), map[string]string{"service_name": "workload", "region": "eu-west"})
	want := pprofTotal(t, "workload-cpu.pb.gz", "cpu")
	d := newDS(t, fake.URL, `{}`, nil)
	tr := lastHalfHour()
	sel := `{service_name="workload"}`
	resp := runQueries(t, d, nil,
		dataQuery("profile", tr, queryJSON("profile", cpuType, sel, "")),
		dataQuery("eu", tr, queryJSON("profile", cpuType, `{service_name="workload", region="eu-west"}`, "")),
		dataQuery("metrics", tr, queryJSON("metrics", cpuType, sel, `"groupBy":["region"]`)),
		dataQuery("both", tr, queryJSON("both", cpuType, sel, "")),
		dataQuery("diff", tr, queryJSON("diff", cpuType, `{service_name="workload", region="eu-west"}`, `"right":{"labelSelector":"{service_name=\"workload\", region=\"eu-west\"}","timeShift":"1h"}`)),
	)
	for ref, r := range resp.Responses {
		if r.Error != nil {
			t.Fatalf("%s: %v", ref, r.Error)
		}
	}
	if got := int64At(t, frameByName(t, resp.Responses["profile"].Frames, "flamegraph"), "value", 0); got != 2*want {
		t.Errorf("two uploads: root = %d ns, want 2 × %d from the pprof file", got, want)
	}
	if got := int64At(t, frameByName(t, resp.Responses["eu"].Frames, "flamegraph"), "value", 0); got != want {
		t.Errorf("one region: root = %d ns, want %d", got, want)
	}
	if n := len(resp.Responses["metrics"].Frames); n != 2 {
		t.Errorf("metrics by region: %d series, want 2", n)
	}
	if n := len(resp.Responses["both"].Frames); n != 2 {
		t.Errorf("both: %d frames, want a series and a flame graph", n)
	}
	diff := frameByName(t, resp.Responses["diff"].Frames, "flamegraph")
	if l, r := int64At(t, diff, "value", 0), int64At(t, diff, "valueRight", 0); l != want || r != want {
		t.Errorf("diff vs an hour ago: left %d right %d, want %d each", l, r, want)
	}
}

func TestFakeServerLimitsReachTheUser(t *testing.T) {
	tr := lastHalfHour()
	sel := `{service_name="workload"}`
	cases := []struct {
		name     string
		opts     []pyroscopetest.Option
		settings string
		query    backend.DataQuery
		want     string
	}{
		{"nodes over the server cap", []pyroscopetest.Option{pyroscopetest.WithMaxNodesCap(1000)}, `{"maxNodes":16384}`,
			dataQuery("A", tr, queryJSON("profile", cpuType, sel, "")), "lower max nodes"},
		{"range over max_query_length", []pyroscopetest.Option{pyroscopetest.WithMaxQueryLength(time.Hour)}, `{}`,
			dataQuery("A", backend.TimeRange{From: tr.To.Add(-3 * time.Hour), To: tr.To}, queryJSON("profile", cpuType, sel, "")), "choose a shorter range"},
		{"tenant missing", []pyroscopetest.Option{pyroscopetest.WithTenant("team-a")}, `{}`,
			dataQuery("A", tr, queryJSON("profile", cpuType, sel, "")), "set the tenant ID"},
		{"slow answer", []pyroscopetest.Option{pyroscopetest.WithFault(pyroscopetest.Fault{Delay: 3 * time.Second})}, `{"timeout":1}`,
			dataQuery("A", tr, queryJSON("metrics", cpuType, sel, "")), "timed out"},
		{"HTML page from a proxy", []pyroscopetest.Option{pyroscopetest.WithFault(pyroscopetest.Fault{Status: 200, Body: "<html>Sign in</html>", ContentType: "text/html"})}, `{}`,
			dataQuery("A", tr, queryJSON("profile", cpuType, sel, "")), "could not be read"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fake := pyroscopetest.New(t, c.opts...)
			ingest(t, fake, "workload-cpu.pb.gz", time.Now().Add(-time.Minute), map[string]string{"service_name": "workload"})
			d := newDS(t, fake.URL, c.settings, nil)
			r := runQueries(t, d, nil, c.query).Responses["A"]
			if r.Error == nil || !strings.Contains(r.Error.Error(), c.want) {
				t.Errorf("error = %v, want it to contain %q", r.Error, c.want)
			}
		})
	}
}

func TestTenantSentToTheFake(t *testing.T) {
	fake := pyroscopetest.New(t, pyroscopetest.WithTenant("team-a"))
	ingest(t, fake, "workload-cpu.pb.gz", time.Now().Add(-time.Minute), map[string]string{"service_name": "workload"})
	d := newDS(t, fake.URL, `{"tenantId":"team-a"}`, nil)
	r := runQueries(t, d, nil, dataQuery("A", lastHalfHour(), queryJSON("profile", cpuType, `{service_name="workload"}`, ""))).Responses["A"]
	if r.Error != nil {
		t.Fatal(r.Error)
	}
	for _, req := range fake.Requests() {
		if req.Headers.Get("X-Scope-OrgID") != "team-a" {
			t.Errorf("%s sent without the tenant", req.Method)
		}
	}
}
