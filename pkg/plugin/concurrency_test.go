package plugin

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/pyroscopetest"
)

// One hung server costs a request one wait, not one per query: every query's
// call is in flight at the same time. The fake holds each call until the
// request is canceled, which happens once all of them are held; a request
// that queued its calls would never get there and would fail on timeouts.
func TestAHungServerHoldsEveryQueryAtOnce(t *testing.T) {
	const queries = 20
	fake := pyroscopetest.New(t, pyroscopetest.WithFault(pyroscopetest.Fault{Hang: true}))
	d := newDS(t, fake.URL, `{"timeout":10}`, nil)
	tr := backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}
	var qs []backend.DataQuery
	for i := range queries {
		qt := []string{"profile", "metrics", "both", "diff"}[i%4]
		qs = append(qs, dataQuery(fmt.Sprintf("Q%d", i), tr, queryJSON(qt, cpuType, `{service_name="a"}`, `"right":{"labelSelector":"{service_name=\"b\"}"}`)))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan *backend.QueryDataResponse, 1)
	go func() {
		resp, _ := d.QueryData(ctx, &backend.QueryDataRequest{Queries: qs})
		done <- resp
	}()
	// A both query makes two calls.
	want := queries + queries/4
	for fake.PeakWaiting() < want {
		select {
		case <-done:
			t.Fatalf("QueryData returned with only %d of %d calls held at once", fake.PeakWaiting(), want)
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	resp := <-done
	for _, q := range qs {
		r := resp.Responses[q.RefID]
		if r.Error == nil || r.Error.Error() != "the request was canceled" || r.Status != statusClientClosed {
			t.Errorf("%s: %d %v, want 499 \"the request was canceled\"", q.RefID, r.Status, r.Error)
		}
	}
}

func TestCancelingTheRequestCancelsThePyroscopeCall(t *testing.T) {
	arrived, canceled := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		// The server notices a client going away only once the body is read.
		_, _ = io.Copy(io.Discard, r.Body)
		close(arrived)
		select {
		case <-r.Context().Done():
			close(canceled)
		case <-time.After(10 * time.Second):
		}
	}))
	t.Cleanup(srv.Close)
	d := newDS(t, srv.URL, `{}`, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tr := backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}
	done := make(chan *backend.QueryDataResponse, 1)
	go func() {
		resp, _ := d.QueryData(ctx, &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", tr, queryJSON("profile", cpuType, `{service_name="a"}`, ""))}})
		done <- resp
	}()
	<-arrived
	cancel()
	select {
	case <-canceled:
	case <-time.After(3 * time.Second):
		t.Fatal("Pyroscope never saw the request go away")
	}
	select {
	case resp := <-done:
		if r := resp.Responses["A"]; r.Error == nil {
			t.Error("a canceled query came back without an error")
		}
	case <-time.After(3 * time.Second):
		t.Fatal("QueryData did not return after the request was canceled")
	}
}

// A request that ends while its answer is converted stops the conversion and
// says so: the converter looks at the request's own context. The request is
// canceled once the call has succeeded, so only the conversion can see it.
func TestACancelStopsTheConversion(t *testing.T) {
	cases := bigAnswerCases(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newDS(t, c.url, `{}`, nil)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			calls := 0
			onEachAnswer(t, func() { calls++; cancel() })
			resp, err := d.QueryData(ctx, &backend.QueryDataRequest{Queries: []backend.DataQuery{dataQuery("A", lastHour(), c.query)}})
			if err != nil {
				t.Fatal(err)
			}
			if calls != 1 {
				t.Fatalf("%d successful Pyroscope calls, want 1", calls)
			}
			r := resp.Responses["A"]
			if r.Error == nil || r.Error.Error() != "the request was canceled" || r.Status != statusClientClosed {
				t.Errorf("got %d %v, want 499 \"the request was canceled\"", r.Status, r.Error)
			}
		})
	}
}
