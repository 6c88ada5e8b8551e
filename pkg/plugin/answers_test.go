package plugin

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/proto"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/models"
	"github.com/embers/embers/pkg/pyroscopetest"
)

func lastHour() backend.TimeRange {
	now := time.Now()
	return backend.TimeRange{From: now.Add(-time.Hour), To: now}
}

// protoServer answers every call with one flame graph.
func protoServer(t *testing.T, fg *querierv1.FlameGraph) string {
	t.Helper()
	body, err := proto.Marshal(&querierv1.SelectMergeStacktracesResponse{Flamegraph: fg})
	if err != nil {
		t.Fatal(err)
	}
	return fixedServer(t, 200, "application/proto", string(body), 0)
}

// diffServer answers every call with one diff flame graph.
func diffServer(t *testing.T, fg *querierv1.FlameGraphDiff) string {
	t.Helper()
	body, err := proto.Marshal(&querierv1.DiffResponse{Flamegraph: fg})
	if err != nil {
		t.Fatal(err)
	}
	return fixedServer(t, 200, "application/proto", string(body), 0)
}

// An empty server still answers every list resource with a JSON list.
func TestListResourcesAnswerAListWhenEmpty(t *testing.T) {
	fake := pyroscopetest.New(t)
	d := newDS(t, fake.URL, `{}`, nil)
	tr := lastHour()
	rng := "from=" + itoa(tr.From.UnixMilli()) + "&to=" + itoa(tr.To.UnixMilli())
	for _, path := range []string{"labelValues?label=region&" + rng, "labelNames?" + rng, "profileTypes?" + rng} {
		code, body := callResource(t, d, path)
		if code != 200 || string(body) != "[]\n" {
			t.Errorf("%s = %d %s, want 200 []", path, code, body)
		}
	}
}

func TestQueryRulesMatchTheSettings(t *testing.T) {
	d := newDS(t, pyroscopetest.New(t).URL, `{}`, nil)
	tr := lastHour()
	backwards := backend.TimeRange{From: tr.To, To: tr.From}
	resp := runQueries(t, d, nil,
		dataQuery("zero", tr, queryJSON("profile", cpuType, `{}`, `"maxNodes":0`)),
		dataQuery("negative", tr, queryJSON("profile", cpuType, `{}`, `"maxNodes":-1`)),
		dataQuery("over the cap", tr, queryJSON("profile", cpuType, `{}`, `"maxNodes":1048577`)),
		dataQuery("fractional", tr, queryJSON("profile", cpuType, `{}`, `"maxNodes":1.5`)),
		dataQuery("limit over", tr, queryJSON("metrics", cpuType, `{}`, `"limit":10001`)),
		dataQuery("limit fractional", tr, queryJSON("metrics", cpuType, `{}`, `"limit":2.5`)),
		dataQuery("backwards", backwards, queryJSON("profile", cpuType, `{}`, "")),
	)
	for ref, want := range map[string]string{
		"zero":             "Max nodes must be a whole number from 1 to 1,048,576",
		"negative":         "Max nodes must be a whole number from 1 to 1,048,576",
		"over the cap":     "Max nodes must be a whole number from 1 to 1,048,576",
		"fractional":       "Max nodes must be a whole number from 1 to 1,048,576",
		"limit over":       "Series limit must be a whole number from 0 to 10,000 (0 or empty keeps every series)",
		"limit fractional": "Series limit must be a whole number from 0 to 10,000 (0 or empty keeps every series)",
		"backwards":        "the time range must start before it ends (from must be before to)",
	} {
		r := resp.Responses[ref]
		if r.Error == nil || r.Error.Error() != want || r.Status != backend.StatusBadRequest {
			t.Errorf("%s: %d %v, want 400 %q", ref, r.Status, r.Error, want)
		}
	}
	// The settings refuse the same value with the same words.
	s := newDS(t, "http://p:4040", `{"maxNodes":0}`, nil)
	if r := runQueries(t, s, nil, dataQuery("A", tr, queryJSON("profile", cpuType, `{}`, ""))).Responses["A"]; r.Error == nil ||
		r.Error.Error() != "the data source settings are invalid: Max nodes must be a whole number from 1 to 1,048,576" {
		t.Errorf("settings: %v", r.Error)
	}
}

// A server that ignores maxNodes never makes the frame bigger than asked:
// the smallest nodes fold into "other" and every sample stays counted, on
// both sides of a diff, whether the query or the settings set max nodes.
func TestAnAnswerOverMaxNodesIsFolded(t *testing.T) {
	const leaves = 50_000
	sel := `{service_name="a"}`
	right := `"right":{"labelSelector":"{service_name=\"b\"}"}`
	cases := []struct {
		name, url, settings, query, frame string
		max                               int // the max nodes that apply
	}{
		{"profile", protoServer(t, bigFlameGraph(leaves)), `{}`, queryJSON("profile", cpuType, sel, `"maxNodes":1000`), "flamegraph", 1000},
		{"profile, max nodes from the settings", protoServer(t, bigFlameGraph(leaves)), `{"maxNodes":1000}`, queryJSON("profile", cpuType, sel, ""), "flamegraph", 1000},
		{"profile, the default max nodes", protoServer(t, bigFlameGraph(leaves)), `{}`, queryJSON("profile", cpuType, sel, ""), "flamegraph", models.DefaultMaxNodes},
		{"span profile", protoServer(t, bigFlameGraph(leaves)), `{}`, queryJSON("profile", cpuType, sel, `"maxNodes":1000,"spanSelector":["19e129611805ff6c"]`), SpanFrameName, 1000},
		{"span profile, max nodes from the settings", protoServer(t, bigFlameGraph(leaves)), `{"maxNodes":1000}`, queryJSON("profile", cpuType, sel, `"spanSelector":["19e129611805ff6c"]`), SpanFrameName, 1000},
		{"diff", diffServer(t, bigDiffFlameGraph(leaves)), `{}`, queryJSON("diff", cpuType, sel, `"maxNodes":1000,`+right), "flamegraph", 1000},
		{"diff, max nodes from the settings", diffServer(t, bigDiffFlameGraph(leaves)), `{"maxNodes":1000}`, queryJSON("diff", cpuType, sel, right), "flamegraph", 1000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newDS(t, c.url, c.settings, nil)
			res := runQueries(t, d, nil, dataQuery("A", lastHour(), c.query)).Responses["A"]
			if res.Error != nil {
				t.Fatal(res.Error)
			}
			fg := frameByName(t, res.Frames, c.frame)
			rows, _ := fg.RowLen()
			if rows > c.max || rows < c.max*9/10 {
				t.Errorf("frame has %d rows, want at most the %d asked for (and close to it)", rows, c.max)
			}
			if want := fmt.Sprintf("maxNodes=%d", c.max); !strings.Contains(fg.Meta.ExecutedQueryString, want) {
				t.Errorf("executedQueryString %q does not say %s", fg.Meta.ExecutedQueryString, want)
			}
			last := fg.Fields[3]
			if name := last.Config.TypeConfig.Enum.Text[last.At(rows-1).(data.EnumItemIndex)]; name != "other" {
				t.Errorf("last row is %q, want other", name)
			}
			// A diff's leaves hold one sample on the left, two on the right.
			for field, per := range map[string]int64{"value": 1, "valueRight": 2} {
				if f, _ := fg.FieldByName(field); f == nil {
					if strings.HasPrefix(c.name, "diff") {
						t.Errorf("the diff has no %s field", field)
					}
					continue
				}
				if got := int64At(t, fg, field, 0); got != per*leaves {
					t.Errorf("%s: root total = %d, want %d", field, got, per*leaves)
				}
				var children int64
				for r := 1; r < rows; r++ {
					children += int64At(t, fg, field, r)
				}
				if other := int64At(t, fg, field, rows-1); children != per*leaves || other != per*(leaves-int64(rows-2)) {
					t.Errorf("%s: children add up to %d (want %d); other holds %d", field, children, per*leaves, other)
				}
			}
			if !hasNotice(res.Frames, "Pyroscope sent 50001 nodes, more than max nodes allows") {
				t.Errorf("no notice about the folding: %v", notices(res.Frames))
			}
		})
	}
}

func TestFlameGraphAnswersThatAreNotWhole(t *testing.T) {
	t.Run("a total with no nodes warns", func(t *testing.T) {
		d := newDS(t, protoServer(t, &querierv1.FlameGraph{Total: 1000}), `{}`, nil)
		res := runQueries(t, d, nil, dataQuery("A", lastHour(), queryJSON("profile", cpuType, `{service_name="a"}`, ""))).Responses["A"]
		want := "Pyroscope reported 1000 samples in total but sent no flame graph nodes"
		if res.Error != nil || !hasNoticeOf(res.Frames, data.NoticeSeverityWarning, want) {
			t.Errorf("error %v, notices %v; want a warning %q", res.Error, notices(res.Frames), want)
		}
	})
	t.Run("broken levels are the server's fault", func(t *testing.T) {
		broken := &querierv1.FlameGraph{Names: []string{"total", "a"}, Levels: []*querierv1.Level{{Values: []int64{0, 10, 0, 0}}, {Values: []int64{0, 20, 0, 1}}}, Total: 10}
		d := newDS(t, protoServer(t, broken), `{}`, nil)
		res := runQueries(t, d, nil, dataQuery("A", lastHour(), queryJSON("profile", cpuType, `{service_name="a"}`, ""))).Responses["A"]
		if res.Error == nil || !strings.HasPrefix(res.Error.Error(), "Pyroscope sent a flame graph that could not be read") ||
			res.Status != backend.StatusBadGateway || res.ErrorSource != backend.ErrorSourceDownstream {
			t.Errorf("got %d %s %v, want 502 downstream", res.Status, res.ErrorSource, res.Error)
		}
	})
}

// The query inspector and the notices show the start of a huge selector, not
// all of it, whatever the query type.
func TestAHugeSelectorIsNotEchoedWhole(t *testing.T) {
	d := newDS(t, pyroscopetest.New(t).URL, `{}`, nil)
	huge := `{service_name="a", span=~"` + strings.Repeat("x", 200_000) + `"}`
	sel, _ := json.Marshal(huge)
	const most = 3 * maxShownSelector // a diff shows two selectors
	cut := fmt.Sprintf("%d bytes in all", len(huge))
	for _, c := range []struct{ name, query string }{
		{"profile", queryJSON("profile", cpuType, huge, "")},
		{"metrics", queryJSON("metrics", cpuType, huge, "")},
		{"both", queryJSON("both", cpuType, huge, "")},
		{"diff", queryJSON("diff", cpuType, huge, `"right":{"labelSelector":`+string(sel)+`}`)},
		{"span profile", queryJSON("profile", cpuType, huge, `"spanSelector":["19e129611805ff6c"]`)},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := runQueries(t, d, nil, dataQuery("A", lastHour(), c.query)).Responses["A"]
			if res.Error != nil {
				t.Fatal(res.Error)
			}
			metas, quoted := 0, 0
			for _, f := range res.Frames {
				if f.Meta == nil {
					continue
				}
				metas++
				shown := f.Meta.ExecutedQueryString
				if len(shown) > most || !strings.Contains(shown, `{service_name="a", span=~"xxx`) || !strings.Contains(shown, cut) {
					t.Errorf("executedQueryString is %d bytes: %.120s…", len(shown), shown)
				}
				for _, n := range f.Meta.Notices {
					if len(n.Text) > most {
						t.Errorf("a notice is %d bytes: %.120s…", len(n.Text), n.Text)
					}
					if strings.Contains(n.Text, cut) {
						quoted++
					}
				}
			}
			if metas == 0 || quoted == 0 {
				t.Errorf("%d frames with meta, %d notices quoting the selector cut, want at least one of each", metas, quoted)
			}
		})
	}
}

func notices(fs data.Frames) []string {
	var out []string
	for _, f := range fs {
		if f.Meta != nil {
			for _, n := range f.Meta.Notices {
				out = append(out, n.Text)
			}
		}
	}
	return out
}

func hasNotice(fs data.Frames, prefix string) bool {
	return hasNoticeOf(fs, data.NoticeSeverityInfo, prefix)
}

func hasNoticeOf(fs data.Frames, severity data.NoticeSeverity, prefix string) bool {
	for _, f := range fs {
		if f.Meta == nil {
			continue
		}
		for _, n := range f.Meta.Notices {
			if n.Severity == severity && strings.HasPrefix(n.Text, prefix) {
				return true
			}
		}
	}
	return false
}
