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
		if c.Message != "" && problem != c.Message {
			t.Errorf("span id %q: problem %q, the editor says %q", id, problem, c.Message)
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
