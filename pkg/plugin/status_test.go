package plugin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/frames"
	"github.com/embers/embers/pkg/pyroscope"
	"github.com/embers/embers/pkg/pyroscopetest"
)

// Every kind of failure has its row in the one table, and each row is the
// status it must be: the user's settings or query are 400, a timeout 504, a
// cancel 499 (502 to a resource's browser), and the server's or network's
// faults 502. 401/403 never reach the browser, which would read them as the
// Grafana session expiring.
func TestEveryKindHasAStatus(t *testing.T) {
	want := map[pyroscope.Kind]struct {
		status   backend.Status
		httpCode int
	}{
		pyroscope.InvalidQuery:  {400, 400},
		pyroscope.RangeTooLong:  {400, 400},
		pyroscope.TooManyNodes:  {400, 400},
		pyroscope.TenantMissing: {400, 400},
		pyroscope.WrongPath:     {400, 400},
		pyroscope.NotPyroscope:  {400, 400},
		pyroscope.TooLarge:      {400, 400},
		pyroscope.Timeout:       {504, 504},
		pyroscope.Canceled:      {499, 502},
		pyroscope.Unreachable:   {502, 502},
		pyroscope.AuthRejected:  {502, 502},
		pyroscope.Unreadable:    {502, 502},
		pyroscope.Dropped:       {502, 502},
		pyroscope.Server:        {502, 502},
	}
	for k := pyroscope.Unreachable; k <= pyroscope.TooLarge; k++ {
		if _, ok := kindStatus[k]; !ok {
			t.Errorf("kind %d has no status", k)
		}
		w, ok := want[k]
		if !ok {
			t.Errorf("kind %d has no row in this test", k)
			continue
		}
		err := &pyroscope.Error{Kind: k, Status: 401} // for the messages that quote a status
		f := describeFailure(fmt.Errorf("wrapped: %w", err))
		if f.status != w.status || f.httpStatus() != w.httpCode || f.source != backend.ErrorSourceDownstream || f.message != err.UserMessage() {
			t.Errorf("kind %d: %d/%d %s %q, want %d/%d downstream %q", k, f.status, f.httpStatus(), f.source, f.message, w.status, w.httpCode, err.UserMessage())
		}
	}
}

// Errors that are not Pyroscope's own are read through the same table: the
// request's end while converting, a broken flame graph, the plugin's own bug.
func TestOtherErrorsHaveTheirStatus(t *testing.T) {
	cases := []struct {
		name     string
		err      error
		status   backend.Status
		httpCode int
		source   backend.ErrorSource
		want     string
	}{
		{"canceled", context.Canceled, 499, 502, backend.ErrorSourceDownstream, "the request was canceled"},
		{"deadline", fmt.Errorf("converting: %w", context.DeadlineExceeded), 504, 504, backend.ErrorSourceDownstream,
			"the Pyroscope request timed out: choose a shorter time range or raise the timeout in the data source settings"},
		{"broken flame graph", fmt.Errorf("%w: level 1, node 0: negative total -1", frames.ErrUnreadableFlameGraph), 502, 502, backend.ErrorSourceDownstream,
			"Pyroscope sent a flame graph that could not be read: level 1, node 0: negative total -1"},
		{"plugin bug", errors.New("columns out of step"), 500, 500, backend.ErrorSourcePlugin, "columns out of step"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := describeFailure(c.err)
			if f.status != c.status || f.httpStatus() != c.httpCode || f.source != c.source || f.message != c.want {
				t.Errorf("%d/%d %s %q, want %d/%d %s %q", f.status, f.httpStatus(), f.source, f.message, c.status, c.httpCode, c.source, c.want)
			}
		})
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
	// maxAnswer lowers the answer size bound (pyroscope.MaxAnswerBytes).
	maxAnswer int
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
		{name: "credentials refused", fault: pyroscopetest.Fault{Status: 401, Body: "401 Authorization Required"}, status: 502, httpCode: 502,
			want: "Pyroscope rejected the credentials (HTTP 401): check the authentication settings"},
		{name: "not Pyroscope", fault: pyroscopetest.Fault{Status: 404, Body: "404 page not found"}, status: 400, httpCode: 400,
			want: " does not look like a Pyroscope server (HTTP 404 on its query API): check the URL"},
		{name: "wrong path", fault: pyroscopetest.Fault{Status: 405, Body: "Method Not Allowed"}, status: 400, httpCode: 400,
			want: " answered HTTP 405 to Pyroscope's query API: use the server's root URL"},
		{name: "unreadable answer", fault: pyroscopetest.Fault{Status: 200, ContentType: "application/proto", Body: "\x0a\xff\xff\xff\xff\x0fgarbage"}, status: 502, httpCode: 502,
			want: "the server sent an answer that could not be read as a Pyroscope response"},
		{name: "dropped mid-answer", fault: pyroscopetest.Fault{CutAfter: 1}, status: 502, httpCode: 502,
			want: " closed before the whole answer arrived: the server or a proxy in between stopped mid-answer"},
		{name: "answer too large", fault: pyroscopetest.Fault{Status: 200, ContentType: "application/proto", Body: strings.Repeat("\x00", 1<<20+1)}, maxAnswer: 1 << 20, status: 400, httpCode: 400,
			want: "Pyroscope's answer is larger than the 1 MiB one query may receive: lower max nodes or narrow the label selector"},
	}
	tr := backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.maxAnswer > 0 {
				defer func(prev int) { pyroscope.MaxAnswerBytes = prev }(pyroscope.MaxAnswerBytes)
				pyroscope.MaxAnswerBytes = c.maxAnswer
			}
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
