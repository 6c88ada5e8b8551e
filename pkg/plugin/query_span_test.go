package plugin

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/pyroscope/replay"
	"github.com/embers/embers/pkg/pyroscopetest"
)

const spansSelector = `{service_name="embers-spans"}`

func spanQuery(ids string) string {
	return queryJSON("profile", cpuType, spansSelector, `"spanSelector":`+ids)
}

func TestSpanProfileHoldsOnlyTheSpansSamples(t *testing.T) {
	for _, tt := range []struct {
		name, ids string
		want      int64
		hasFast   bool
	}{
		{"span-profile-one", `["19e129611805ff6c"]`, 9480000000, false},
		{"span-profile-two", ``, 11320000000, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rc := replay.Load(t, tt.name)
			srv := replay.Serve(t, rc)
			ids := tt.ids
			if ids == "" {
				ids = recordedSpans(t, rc)
			}
			d := newDS(t, srv.URL, `{}`, nil)
			res := runQueries(t, d, nil, dataQuery("A", recordedRange(t, rc), spanQuery(ids))).Responses["A"]
			if res.Error != nil {
				t.Fatalf("error: %v", res.Error)
			}
			fg := frameByName(t, res.Frames, SpanFrameName)
			if got := int64At(t, fg, "value", 0); got != tt.want {
				t.Errorf("root total = %d ns, want %d", got, tt.want)
			}
			if got := hasLabel(t, fg, "main.fastFunction"); got != tt.hasFast {
				t.Errorf("fastFunction in the flame graph: %v, want %v", got, tt.hasFast)
			}
			req := sent(t, srv, "SelectMergeSpanProfile", 0, &querierv1.SelectMergeSpanProfileRequest{})
			if req.LabelSelector != spansSelector || req.GetMaxNodes() != 16384 || len(req.SpanSelector) == 0 {
				t.Errorf("sent %v", req)
			}
			if !strings.Contains(fg.Meta.ExecutedQueryString, "spans="+req.SpanSelector[0]) {
				t.Errorf("executedQueryString %q does not show the spans", fg.Meta.ExecutedQueryString)
			}
			if len(srv.Requests()) != 1 {
				t.Errorf("%d calls, want only SelectMergeSpanProfile", len(srv.Requests()))
			}
		})
	}
}

func TestUnknownSpanAnswersAnEmptyFlameGraphNamingIt(t *testing.T) {
	rc := replay.Load(t, "span-profile-unknown")
	srv := replay.Serve(t, rc)
	d := newDS(t, srv.URL, `{}`, nil)
	res := runQueries(t, d, nil, dataQuery("A", recordedRange(t, rc), spanQuery(`["0123456789ABCDEF"]`))).Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	fg := frameByName(t, res.Frames, SpanFrameName)
	if got := int64At(t, fg, "value", 0); got != 0 {
		t.Errorf("root total = %d, want 0", got)
	}
	var texts []string
	for _, n := range fg.Meta.Notices {
		texts = append(texts, n.Text)
	}
	if len(texts) != 1 || !strings.Contains(texts[0], "span 0123456789abcdef") {
		t.Errorf("notices %q, want one naming span 0123456789abcdef", texts)
	}
	if got := sent(t, srv, "SelectMergeSpanProfile", 0, &querierv1.SelectMergeSpanProfileRequest{}).SpanSelector; !slices.Equal(got, []string{"0123456789abcdef"}) {
		t.Errorf("sent span selector %q", got)
	}
}

func TestBadSpanIDIsThatQuerysOwnError(t *testing.T) {
	rc := replay.Load(t, "span-profile-one")
	srv := replay.Serve(t, rc)
	d := newDS(t, srv.URL, `{}`, nil)
	tr := recordedRange(t, rc)
	resp := runQueries(t, d, nil,
		dataQuery("bad", tr, spanQuery(`["19e1-2961"]`)),
		dataQuery("empty", tr, spanQuery(`[""]`)),
		dataQuery("good", tr, spanQuery(`["19e129611805ff6c"]`)))
	if err := resp.Responses["bad"].Error; err == nil || !strings.Contains(err.Error(), `span id 1 "19e1-2961" has 9 characters`) {
		t.Errorf("bad span id: error %v", err)
	}
	if err := resp.Responses["empty"].Error; err == nil || !strings.Contains(err.Error(), "span id 1 \"\" is empty") {
		t.Errorf("empty span id: error %v", err)
	}
	if err := resp.Responses["good"].Error; err != nil {
		t.Errorf("the good query failed too: %v", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d calls reached the server, want only the good query's", n)
	}
}

// recordedSpans is the span selector a recorded case was asked for, as JSON.
func recordedSpans(t *testing.T, rc replay.Case) string {
	t.Helper()
	var req struct {
		SpanSelector json.RawMessage `json:"spanSelector"`
	}
	if err := json.Unmarshal(rc.Request, &req); err != nil || len(req.SpanSelector) == 0 {
		t.Fatalf("case %s has no span selector: %v", rc.Name, err)
	}
	return string(req.SpanSelector)
}

// hasLabel tells whether a flame graph frame has a node named name.
func hasLabel(t *testing.T, f *data.Frame, name string) bool {
	t.Helper()
	fld, _ := f.FieldByName("label")
	if fld == nil {
		t.Fatalf("frame %q has no label field", f.Name)
	}
	for i := 0; i < fld.Len(); i++ {
		switch v := fld.At(i).(type) {
		case data.EnumItemIndex:
			if fld.Config.TypeConfig.Enum.Text[v] == name {
				return true
			}
		case string:
			if v == name {
				return true
			}
		}
	}
	return false
}

func TestSpanProfileOnTheFake(t *testing.T) {
	b, err := pyroscopetest.SpanProfile(map[string]map[string]int64{
		"19e129611805ff6c": {"main;slowFunction;work": 4000},
		"a1b2c3d4e5f60718": {"main;fastFunction;work": 1000},
	})
	if err != nil {
		t.Fatal(err)
	}
	s := pyroscopetest.New(t)
	if err := s.Ingest(b, map[string]string{"service_name": "embers-spans"}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tr := backend.TimeRange{From: now.Add(-time.Hour), To: now.Add(time.Minute)}
	d := newDS(t, s.URL, `{}`, nil)
	res := runQueries(t, d, nil, dataQuery("A", tr, spanQuery(`["19E129611805FF6C"]`))).Responses["A"]
	if res.Error != nil {
		t.Fatalf("error: %v", res.Error)
	}
	fg := frameByName(t, res.Frames, SpanFrameName)
	if got := int64At(t, fg, "value", 0); got != 4000 || !hasLabel(t, fg, "slowFunction") || hasLabel(t, fg, "fastFunction") {
		t.Errorf("root total %d; want 4000 ns of slowFunction alone", got)
	}
}

// The two queries Grafana's trace view sends to the datasource named in the
// Tempo datasource's tracesToProfiles, as they arrive: the span link (the
// Tempo datasource's data link, interpolated for a span with service.name
// embers-demo; Grafana gives a non-core datasource the span's bare range) and
// the flame graph embedded in the span's details (picked by frame name).
func TestGrafanaTraceToProfilesQueriesAnswerTheSpansFlameGraph(t *testing.T) {
	const span = "19e129611805ff6c"
	b, err := pyroscopetest.SpanProfile(map[string]map[string]int64{
		span:               {"main;cpuLoop;slowFunction;work": 4000, "main;cpuLoop;fastFunction;work": 1000},
		"a1b2c3d4e5f60718": {"main;cpuLoop;fastFunction;work": 7000},
	})
	if err != nil {
		t.Fatal(err)
	}
	s := pyroscopetest.New(t)
	// The SDK stamps an upload with the start of its 15 s window; the span
	// began 5 s into it and lasted 2 s.
	uploaded := time.Now().Add(-10 * time.Minute).Truncate(time.Second)
	if err := s.IngestAt(b, map[string]string{"service_name": "embers-demo"}, uploaded); err != nil {
		t.Fatal(err)
	}
	spanRange := backend.TimeRange{From: uploaded.Add(5 * time.Second), To: uploaded.Add(7 * time.Second)}
	d := newDS(t, s.URL, `{}`, nil)
	for name, js := range map[string]string{
		"span link": `{"labelSelector":"{service_name=\"embers-demo\"}","groupBy":[],"profileTypeId":"` + cpuType +
			`","queryType":"profile","spanSelector":["` + span + `"],"refId":"profile","datasource":{"uid":"embers-pyroscope"}}`,
		"embedded flame graph": `{"labelSelector":"{service_name=\"embers-demo\"}","groupBy":[],"profileTypeId":"` + cpuType +
			`","queryType":"profile","spanSelector":["` + span + `"],"refId":"span-flamegraph-refId",` +
			`"datasource":{"type":"embers-pyroscope-datasource","uid":"embers-pyroscope"},"includeExemplars":false,"heatmapType":"individual","includeHeatmap":false}`,
	} {
		t.Run(name, func(t *testing.T) {
			res := runQueries(t, d, nil, dataQuery("A", spanRange, js)).Responses["A"]
			if res.Error != nil {
				t.Fatalf("error: %v", res.Error)
			}
			fg := frameByName(t, res.Frames, "response")
			if got := int64At(t, fg, "value", 0); got != 5000 || fg.Rows() < 2 {
				t.Errorf("root total %d over %d rows; want the span's 5000 ns", got, fg.Rows())
			}
			if !hasLabel(t, fg, "slowFunction") || !hasLabel(t, fg, "fastFunction") {
				t.Error("the span's flame graph lacks slowFunction or fastFunction")
			}
			if fg.Meta == nil || fg.Meta.PreferredVisualization != data.VisTypeFlameGraph || len(fg.Meta.Notices) != 0 {
				t.Errorf("meta %+v: want a flame graph with no notice", fg.Meta)
			}
		})
	}
}
