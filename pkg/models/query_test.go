package models

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

const cpuType = "process_cpu:cpu:nanoseconds:cpu:nanoseconds"

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		wantErr string
		check   func(t *testing.T, q Query)
	}{
		{name: "defaults to both and all", json: `{"refId":"A","profileTypeId":"` + cpuType + `"}`, check: func(t *testing.T, q Query) {
			if q.QueryType != QueryTypeBoth || q.LabelSelector != "{}" || q.RefID != "A" {
				t.Errorf("got %+v", q)
			}
		}},
		{name: "metrics with group by and limit", json: `{"queryType":"metrics","profileTypeId":"` + cpuType + `","labelSelector":"{service_name=\"a\"}","groupBy":["region"],"limit":3}`, check: func(t *testing.T, q Query) {
			if q.QueryType != QueryTypeMetrics || len(q.GroupBy) != 1 || *q.Limit != 3 {
				t.Errorf("got %+v", q)
			}
		}},
		{name: "diff with shift", json: `{"queryType":"diff","profileTypeId":"` + cpuType + `","labelSelector":"{}","right":{"labelSelector":"","timeShift":"7d"}}`, check: func(t *testing.T, q Query) {
			d, _ := q.Right.Shift()
			if d != 7*24*time.Hour || q.Right.LabelSelector != "{}" {
				t.Errorf("right = %+v shift %v", q.Right, d)
			}
		}},
		{name: "empty body", json: ``, wantErr: "the query is empty"},
		{name: "not JSON", json: `{"queryType":`, wantErr: "could not be read"},
		{name: "maxNodes as text", json: `{"maxNodes":"many"}`, wantErr: "maxNodes should be a whole number"},
		{name: "maxNodes zero", json: `{"profileTypeId":"` + cpuType + `","maxNodes":0}`, wantErr: "Max nodes must be a whole number from 1 to 1,048,576"},
		{name: "maxNodes negative", json: `{"profileTypeId":"` + cpuType + `","maxNodes":-1}`, wantErr: "Max nodes must be a whole number from 1 to 1,048,576"},
		{name: "unknown type", json: `{"queryType":"logs","profileTypeId":"` + cpuType + `"}`, wantErr: `query type "logs" is not one of`},
		{name: "no profile type", json: `{"queryType":"profile"}`, wantErr: "choose a profile type"},
		{name: "bad profile type", json: `{"profileTypeId":"cpu"}`, wantErr: "must look like name:sample_type"},
		{name: "selector without braces", json: `{"profileTypeId":"` + cpuType + `","labelSelector":"service_name=\"a\""}`, wantErr: "must be wrapped in braces"},
		{name: "maxNodes over the cap", json: `{"profileTypeId":"` + cpuType + `","maxNodes":10000000}`, wantErr: "Max nodes must be a whole number from 1 to 1,048,576"},
		{name: "fractional limit", json: `{"limit":1.5}`, wantErr: "Series limit must be a whole number from 0 to 10,000 (0 or empty keeps every series)"},
		{name: "negative limit", json: `{"profileTypeId":"` + cpuType + `","limit":-2}`, wantErr: "Series limit must be a whole number from 0 to 10,000 (0 or empty keeps every series)"},
		{name: "empty group by", json: `{"profileTypeId":"` + cpuType + `","groupBy":[" "]}`, wantErr: "empty label name"},
		{name: "diff without right", json: `{"queryType":"diff","profileTypeId":"` + cpuType + `"}`, wantErr: "needs a right-hand selector"},
		{name: "diff bad shift", json: `{"queryType":"diff","profileTypeId":"` + cpuType + `","right":{"labelSelector":"{}","timeShift":"last week"}}`, wantErr: `Time shift "last week" is not a duration`},
		{name: "diff bad right selector", json: `{"queryType":"diff","profileTypeId":"` + cpuType + `","right":{"labelSelector":"x"}}`, wantErr: "right-hand selector"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuery(json.RawMessage(tt.json))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			tt.check(t, q)
		})
	}
}

func TestMaxNodesOrIsAlwaysBounded(t *testing.T) {
	v := func(n int64) *int64 { return &n }
	cases := []struct {
		q    Query
		def  int64
		want int64
	}{
		{Query{}, 16384, 16384},
		{Query{MaxNodes: v(100)}, 16384, 100},
		{Query{MaxNodes: v(-5)}, 16384, 1},
		{Query{MaxNodes: v(1 << 40)}, 16384, MaxNodesCap},
		{Query{}, 0, 1},
	}
	for _, c := range cases {
		if got := c.q.MaxNodesOr(c.def); got != c.want {
			t.Errorf("MaxNodesOr(%d) with %v = %d, want %d", c.def, c.q.MaxNodes, got, c.want)
		}
	}
}

func TestParseProfileType(t *testing.T) {
	pt, err := ParseProfileType("memory:inuse_space:bytes:space:bytes")
	if err != nil || pt.Name != "memory" || pt.SampleType != "inuse_space" || pt.SampleUnit != "bytes" || pt.PeriodType != "space" || pt.PeriodUnit != "bytes" {
		t.Fatalf("got %+v, %v", pt, err)
	}
	for _, ok := range []string{"process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta", "process_cpu:samples:count::milliseconds"} {
		if _, err := ParseProfileType(ok); err != nil {
			t.Errorf("%s rejected: %v", ok, err)
		}
	}
	bad := map[string]string{
		"":                                 "choose a profile type",
		"not-a-type":                       "must look like",
		"a:b:c:d":                          "must look like",
		"a:b:c:d:e:f":                      "must look like",
		"a::nanoseconds:cpu:x":             "has an empty sample type",
		":cpu:nanoseconds:cpu:nanoseconds": "has an empty name",
	}
	for in, want := range bad {
		if _, err := ParseProfileType(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseProfileType(%q) = %v, want %q", in, err, want)
		}
	}
}

// FuzzParseQuery: arbitrary JSON never panics, and what parses is valid.
func FuzzParseQuery(f *testing.F) {
	f.Add(`{"refId":"A","profileTypeId":"` + cpuType + `","labelSelector":"{}"}`)
	f.Add(`{"queryType":"diff","profileTypeId":"a:b:c:d:e","right":{"labelSelector":"{}","timeShift":"99999999999y"}}`)
	f.Add(`{"maxNodes":-1,"limit":1e30,"groupBy":[null]}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(json.RawMessage(s))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without a message")
			}
			return
		}
		if q.Validate() != nil {
			t.Fatal("ParseQuery returned a query that does not validate")
		}
		if n := q.MaxNodesOr(DefaultMaxNodes); n < 1 || n > MaxNodesCap {
			t.Fatalf("max nodes %d out of bounds", n)
		}
	})
}
