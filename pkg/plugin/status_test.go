package plugin

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/pyroscope"
	"github.com/embers/embers/pkg/pyroscopetest"
)

// Every kind of failure has its row in the one table.
func TestEveryKindHasAStatus(t *testing.T) {
	for k := pyroscope.Unreachable; k <= pyroscope.TooLarge; k++ {
		if _, ok := kindStatus[k]; !ok {
			t.Errorf("kind %d has no status", k)
		}
	}
}

// statusCase is one failure seen by a query and by a resource call.
type statusCase struct {
	name     string
	fault    pyroscopetest.Fault
	settings string
	selector string
	status   backend.Status // the query's status
	httpCode int            // the resource's status
	want     string         // what both say
}

// The query and the resources answer each failure with the status of the
// same table: a bad query is the user's (400), a timeout is 504, the
// server's own faults are 502, and a missing tenant is a setting (400).
func TestQueriesAndResourcesShareTheStatusTable(t *testing.T) {
	cases := []statusCase{
		{name: "bad selector", selector: `{service_name=}`, status: 400, httpCode: 400, want: "Pyroscope rejected the query: "},
		{name: "timeout", fault: pyroscopetest.Fault{Delay: time.Hour}, settings: `"timeout":1`, status: 504, httpCode: 504, want: "timed out"},
		{name: "server error", fault: pyroscopetest.Fault{Status: 500, ContentType: "application/json", Body: `{"code":"internal","message":"store is read-only"}`}, status: 502, httpCode: 502, want: "Pyroscope error: store is read-only"},
		{name: "proxy 503", fault: pyroscopetest.Fault{Status: 503, Body: "Service Unavailable"}, status: 502, httpCode: 502, want: "a proxy in front of Pyroscope answered HTTP 503"},
		{name: "tenant missing", settings: ``, status: 400, httpCode: 400, want: "Pyroscope needs a tenant"},
	}
	tr := backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := []pyroscopetest.Option{pyroscopetest.WithFault(c.fault)}
			settings := `{"tenantId":"team-a"` + prefixComma(c.settings) + `}`
			if c.name == "tenant missing" {
				settings = `{}`
			}
			opts = append(opts, pyroscopetest.WithTenant("team-a"))
			fake := pyroscopetest.New(t, opts...)
			d := newDS(t, fake.URL, settings, nil)
			sel := c.selector
			if sel == "" {
				sel = `{service_name="a"}`
			}
			res := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("profile", cpuType, sel, ""))).Responses["A"]
			if res.Error == nil || res.Status != c.status || !strings.Contains(res.Error.Error(), c.want) {
				t.Errorf("query: %d %v, want %d containing %q", res.Status, res.Error, c.status, c.want)
			}
			if res.ErrorSource != backend.ErrorSourceDownstream {
				t.Errorf("query error source = %q, want downstream", res.ErrorSource)
			}
			path := "labelNames?from=" + itoa(tr.From.UnixMilli()) + "&to=" + itoa(tr.To.UnixMilli()) + "&selector=" + url.QueryEscape(sel)
			code, body := callResource(t, d, path)
			var msg struct{ Error string }
			_ = json.Unmarshal(body, &msg)
			if code != c.httpCode || !strings.Contains(msg.Error, c.want) {
				t.Errorf("resource: %d %s, want %d containing %q", code, body, c.httpCode, c.want)
			}
		})
	}
}

func prefixComma(s string) string {
	if s == "" {
		return ""
	}
	return "," + s
}

// A canceled request is reported as canceled, never as a timeout.
func TestACanceledQueryIsNotATimeout(t *testing.T) {
	fake := pyroscopetest.New(t, pyroscopetest.WithFault(pyroscopetest.Fault{Hang: true}))
	d := newDS(t, fake.URL, `{"timeout":600}`, nil)
	ctx, cancel := context.WithCancel(context.Background())
	tr := backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}
	done := make(chan backend.DataResponse, 1)
	go func() {
		resp, _ := d.QueryData(ctx, &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", tr, queryJSON("profile", cpuType, `{service_name="a"}`, ""))}})
		done <- resp.Responses["A"]
	}()
	for fake.PeakWaiting() < 1 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	res := <-done
	if res.Error == nil || res.Error.Error() != "the request was canceled" || res.Status == backend.StatusTimeout {
		t.Errorf("got %d %v, want 499 \"the request was canceled\"", res.Status, res.Error)
	}
	if f := describeFailure(context.Canceled); f.httpStatus() == http.StatusGatewayTimeout || f.message != "the request was canceled" {
		t.Errorf("a canceled resource call answers %d %q", f.httpStatus(), f.message)
	}
}
