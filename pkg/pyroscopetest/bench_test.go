package pyroscopetest

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"

	"github.com/embers/embers/internal/testpaths"
)

// BenchmarkMergeLargeHeap measures one flame graph round trip through the
// fake for the largest shared profile (12k samples, 8k locations), so tests
// that lean on the fake know its cost.
func BenchmarkMergeLargeHeap(b *testing.B) {
	s := NewServer()
	defer s.Close()
	path := filepath.Join(testpaths.Shared(b), "profiles", "go-heap-inuse-large.pb.gz")
	if err := s.IngestFile(path, map[string]string{"service_name": "large"}); err != nil {
		b.Fatal(err)
	}
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	start, end := lastHour()
	maxNodes := int64(16384)
	req := &querierv1.SelectMergeStacktracesRequest{ProfileTypeID: "memory:inuse_space:bytes:space:bytes",
		LabelSelector: `{service_name="large"}`, Start: start, End: end, MaxNodes: &maxNodes}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := client.SelectMergeStacktraces(context.Background(), connect.NewRequest(req))
		if err != nil || resp.Msg.Flamegraph.Total == 0 {
			b.Fatalf("empty answer: %v", err)
		}
	}
}
