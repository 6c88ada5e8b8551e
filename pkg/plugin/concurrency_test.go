package plugin

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func TestQueriesReachPyroscopeWithBoundedConcurrency(t *testing.T) {
	var mu sync.Mutex
	inFlight, peak, total := 0, 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		inFlight++
		total++
		peak = max(peak, inFlight)
		mu.Unlock()
		time.Sleep(50 * time.Millisecond)
		mu.Lock()
		inFlight--
		mu.Unlock()
		w.Header().Set("Content-Type", "application/proto")
	}))
	t.Cleanup(srv.Close)
	d := newDS(t, srv.URL, `{}`, nil)
	tr := backend.TimeRange{From: time.Now().Add(-time.Hour), To: time.Now()}
	var qs []backend.DataQuery
	for _, ref := range []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"} {
		qs = append(qs, dataQuery(ref, tr, queryJSON("profile", cpuType, `{service_name="a"}`, "")))
	}
	resp := runQueries(t, d, nil, qs...)
	for _, q := range qs {
		if r := resp.Responses[q.RefID]; r.Error != nil {
			t.Errorf("%s: %v", q.RefID, r.Error)
		}
	}
	if total != len(qs) {
		t.Errorf("Pyroscope saw %d calls, want %d", total, len(qs))
	}
	if peak > maxConcurrentQueries || peak < 2 {
		t.Errorf("at most %d calls were in flight at once, want 2..%d", peak, maxConcurrentQueries)
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
