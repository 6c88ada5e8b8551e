package models

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/embers/embers/internal/testpaths"
)

// TestCoreDashboardTargetsParse reads every core datasource target of the
// core-shaped dashboard the jest tests and the migration script read too.
func TestCoreDashboardTargetsParse(t *testing.T) {
	b, err := os.ReadFile(testpaths.Repo(t, "testdata", "dashboards", "core-pyroscope.json"))
	if err != nil {
		t.Fatal(err)
	}
	type panel struct {
		Title   string
		Targets []json.RawMessage
		Panels  []json.RawMessage
	}
	var dash struct{ Panels []json.RawMessage }
	if err := json.Unmarshal(b, &dash); err != nil {
		t.Fatal(err)
	}
	seen := map[QueryType]bool{}
	var walk func([]json.RawMessage)
	walk = func(raw []json.RawMessage) {
		for _, r := range raw {
			var p panel
			if err := json.Unmarshal(r, &p); err != nil {
				t.Fatal(err)
			}
			walk(p.Panels)
			for _, target := range p.Targets {
				var ds struct{ Datasource struct{ Type string } }
				_ = json.Unmarshal(target, &ds)
				if ds.Datasource.Type != "grafana-pyroscope-datasource" {
					continue
				}
				q, err := ParseQuery(target)
				if err != nil {
					t.Errorf("%s: refused: %v", p.Title, err)
				}
				seen[q.QueryType] = true
			}
		}
	}
	walk(dash.Panels)
	if !seen[QueryTypeProfile] || !seen[QueryTypeMetrics] || !seen[QueryTypeBoth] {
		t.Errorf("query types parsed: %v, want profile, metrics and both", seen)
	}
}

// TestCoreDatasourceQueriesParseAsIs feeds the JSON the core Pyroscope
// datasource saves in dashboards, and what Tempo's trace-to-profiles link
// sends, unchanged.
func TestCoreDatasourceQueriesParseAsIs(t *testing.T) {
	for _, tt := range []struct {
		name, json string
		check      func(t *testing.T, q Query)
	}{
		{"dashboard both", `{"refId":"A","datasource":{"type":"grafana-pyroscope-datasource","uid":"pyro"},"queryType":"both","profileTypeId":"` + cpuType + `","labelSelector":"{service_name=\"checkout\"}","groupBy":["region"],"limit":5,"maxNodes":4096,"spanSelector":[]}`, func(t *testing.T, q Query) {
			if q.QueryType != QueryTypeBoth || q.GroupBy[0] != "region" || *q.Limit != 5 || *q.MaxNodes != 4096 || len(q.SpanIDs()) != 0 {
				t.Errorf("got %+v", q)
			}
		}},
		{"metrics with null group by", `{"refId":"B","queryType":"metrics","profileTypeId":"` + cpuType + `","labelSelector":"{}","groupBy":null}`, func(t *testing.T, q Query) {
			if q.QueryType != QueryTypeMetrics {
				t.Errorf("got %+v", q)
			}
		}},
		{"tempo trace to profiles", `{"refId":"profile","datasource":{"type":"embers-pyroscope-datasource","uid":"embers"},"queryType":"profile","profileTypeId":"` + cpuType + `","labelSelector":"{service_name=\"checkout\"}","groupBy":[],"spanSelector":["19e129611805ff6c"]}`, func(t *testing.T, q Query) {
			if q.QueryType != QueryTypeProfile || !slices.Equal(q.SpanIDs(), []string{"19e129611805ff6c"}) {
				t.Errorf("got %+v", q)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuery(json.RawMessage(tt.json))
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			tt.check(t, q)
		})
	}
}
