package models

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/embers/embers/internal/testpaths"
)

// TestSharedSpanIDRules runs testdata/rules/spans.json, which the editor's
// jest tests run too.
func TestSharedSpanIDRules(t *testing.T) {
	b, err := os.ReadFile(testpaths.Repo(t, "testdata", "rules", "spans.json"))
	if err != nil {
		t.Fatal(err)
	}
	var table struct{ SpanIDs []ruleCase }
	if err := json.Unmarshal(b, &table); err != nil {
		t.Fatal(err)
	}
	if len(table.SpanIDs) == 0 {
		t.Fatal("no span id cases")
	}
	for _, c := range table.SpanIDs {
		id := c.text(t)
		problem := SpanIDProblem(id)
		if c.accepted() != (problem == "") {
			t.Errorf("span id %q: problem %q, want valid=%v", id, problem, c.accepted())
		}
	}
}

func TestSpanSelectorErrorsNameTheBadID(t *testing.T) {
	for _, tt := range []struct{ ids, want string }{
		{`[""]`, `span id 1 "" is empty`},
		{`["19e129611805ff6c","nope"]`, `span id 2 "nope" has 4 characters`},
		{`["19e129611805ff6x"]`, `"19e129611805ff6x" is not hexadecimal`},
		{`["0000000000000000"]`, "is all zeros"},
	} {
		_, err := ParseQuery(json.RawMessage(`{"queryType":"profile","profileTypeId":"` + cpuType + `","spanSelector":` + tt.ids + `}`))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("spanSelector %s: error %v, want %q", tt.ids, err, tt.want)
		}
	}
}

func TestSpanIDsAreSentTrimmedInLowerCase(t *testing.T) {
	q, err := ParseQuery(json.RawMessage(`{"queryType":"profile","profileTypeId":"` + cpuType + `","spanSelector":[" 19E129611805FF6C "]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := q.SpanIDs(); !slices.Equal(got, []string{"19e129611805ff6c"}) {
		t.Errorf("SpanIDs() = %q", got)
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
