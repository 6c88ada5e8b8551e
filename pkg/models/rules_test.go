package models

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/internal/testpaths"
)

// ruleCase is one row of testdata/rules/settings.json, which the config
// page's and the editor's jest tests run too.
type ruleCase struct {
	Input   json.RawMessage `json:"input"`
	Seconds *float64        `json:"seconds"`
	Valid   *bool           `json:"valid"`
	Message string          `json:"message"` // the text both halves refuse it with
}

func (c ruleCase) accepted() bool { return c.Seconds != nil || (c.Valid != nil && *c.Valid) }

func (c ruleCase) text(t *testing.T) string {
	var s string
	if err := json.Unmarshal(c.Input, &s); err != nil {
		t.Fatalf("input %s is not text", c.Input)
	}
	return s
}

type ruleTable struct {
	Defaults struct {
		TimeoutSeconds, MaxTimeoutSeconds, MinStepSeconds float64
		MaxNodes, MaxNodesCap, MaxSeriesLimit             int64
	} `json:"defaults"`
	MinStep, TimeShift, TenantID, URL, MaxNodes, SeriesLimit, Timeout []ruleCase
}

func loadRules(t testing.TB) ruleTable {
	t.Helper()
	b, err := os.ReadFile(testpaths.Repo(t, "testdata", "rules", "settings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rt ruleTable
	if err := json.Unmarshal(b, &rt); err != nil {
		t.Fatal(err)
	}
	return rt
}

// load runs LoadSettings on a URL and one jsonData field.
func load(url, field string, value json.RawMessage) (*Settings, error) {
	js := "{}"
	if field != "" {
		js = fmt.Sprintf(`{%q:%s}`, field, value)
	}
	return LoadSettings(backend.DataSourceInstanceSettings{URL: url, JSONData: []byte(js)})
}

// parseWith runs ParseQuery on a metrics query with one field set.
func parseWith(field string, value json.RawMessage) error {
	_, err := ParseQuery(json.RawMessage(fmt.Sprintf(`{"queryType":"metrics","profileTypeId":%q,%q:%s}`, cpuType, field, value)))
	return err
}

func checkRule(t *testing.T, name string, c ruleCase, got time.Duration, err error) {
	t.Helper()
	t.Run(fmt.Sprintf("%s %s", name, c.Input), func(t *testing.T) {
		switch {
		case c.accepted() && err != nil:
			t.Errorf("refused: %v", err)
		case !c.accepted() && err == nil:
			t.Errorf("accepted as %v", got)
		case c.Seconds != nil && math.Abs(got.Seconds()-*c.Seconds) > 1e-9:
			t.Errorf("read as %v, want %vs", got, *c.Seconds)
		case c.Message != "" && err.Error() != c.Message:
			t.Errorf("refused with %q, the config page and editor say %q", err, c.Message)
		}
	})
}

func TestSharedSettingsRules(t *testing.T) {
	rt := loadRules(t)
	const url = "http://pyroscope:4040"
	for _, c := range rt.MinStep {
		s, err := load(url, "minStep", c.Input)
		var got time.Duration
		if s != nil {
			got = s.MinStep
		}
		checkRule(t, "min step", c, got, err)
	}
	for _, c := range rt.TimeShift {
		got, err := (&Right{TimeShift: c.text(t)}).Shift()
		checkRule(t, "time shift", c, got, err)
	}
	for _, c := range rt.TenantID {
		_, err := load(url, "tenantId", c.Input)
		checkRule(t, "tenant", c, 0, err)
	}
	for _, c := range rt.URL {
		_, err := load(c.text(t), "", nil)
		checkRule(t, "url", c, 0, err)
	}
	for _, c := range rt.MaxNodes {
		_, err := load(url, "maxNodes", c.Input)
		checkRule(t, "max nodes setting", c, 0, err)
		checkRule(t, "max nodes of a query", c, 0, parseWith("maxNodes", c.Input))
	}
	for _, c := range rt.SeriesLimit {
		checkRule(t, "series limit", c, 0, parseWith("limit", c.Input))
	}
	for _, c := range rt.Timeout {
		s, err := load(url, "timeout", c.Input)
		var got time.Duration
		if s != nil {
			got = s.Timeout
		}
		checkRule(t, "timeout", c, got, err)
	}
}

func TestSharedDefaults(t *testing.T) {
	d := loadRules(t).Defaults
	if DefaultTimeout.Seconds() != d.TimeoutSeconds || maxTimeoutSeconds != d.MaxTimeoutSeconds ||
		DefaultMinStep.Seconds() != d.MinStepSeconds || DefaultMaxNodes != d.MaxNodes || MaxNodesCap != d.MaxNodesCap ||
		MaxLimit != d.MaxSeriesLimit {
		t.Errorf("defaults differ from testdata/rules/settings.json: %+v", d)
	}
}
