package pyroscope

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/proto"

	"github.com/embers/embers/pkg/frames"
)

// A captured answer's buffer is reused by the next one: nothing decoded may
// point into it, with or without an announced length.
func TestCapturedAnswersShareNoMemory(t *testing.T) {
	answer := func(name string) []byte {
		b, err := proto.Marshal(&querierv1.SelectMergeStacktracesResponse{Flamegraph: &querierv1.FlameGraph{
			Names:  []string{"total", name},
			Levels: []*querierv1.Level{{Values: []int64{0, 2, 0, 0}}, {Values: []int64{0, 2, 2, 1}}},
			Total:  2, MaxSelf: 2,
		}})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, announce := range []bool{true, false} {
		t.Run("announced length "+strconv.FormatBool(announce), func(t *testing.T) {
			next := 0
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				body := answer("main.first")
				if next > 0 {
					body = answer("main.other")
				}
				next++
				w.Header().Set("Content-Type", "application/proto")
				if announce {
					w.Header().Set("Content-Length", strconv.Itoa(len(body)))
				}
				_, _ = w.Write(body)
			}))
			t.Cleanup(srv.Close)
			c := newTestClient(t, srv.URL, `{}`, nil)
			first, err := c.SelectMergeStacktraces(context.Background(), &querierv1.SelectMergeStacktracesRequest{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.SelectMergeStacktraces(context.Background(), &querierv1.SelectMergeStacktracesRequest{}); err != nil {
				t.Fatal(err)
			}
			if got := first.Names.At(1); got != "main.first" {
				t.Errorf("first answer's name became %q", got)
			}
			if _, err := frames.FlameGraphPacked(context.Background(), first, "nanoseconds", 0); err != nil {
				t.Errorf("first answer no longer converts: %v", err)
			}
		})
	}
}

// A flame graph answer cut short is still told from one that arrived whole.
func TestCapturedAnswerCutShortIsDropped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/proto")
		w.Header().Set("Content-Length", "1000")
		_, _ = w.Write([]byte("\x0a\x80\x01\x0a\x05total"))
	}))
	t.Cleanup(srv.Close)
	_, err := newTestClient(t, srv.URL, `{}`, nil).SelectMergeStacktraces(context.Background(), &querierv1.SelectMergeStacktracesRequest{})
	var perr *Error
	if !errors.As(err, &perr) || perr.Kind != Dropped {
		t.Fatalf("got %v, want a dropped answer", err)
	}
}
