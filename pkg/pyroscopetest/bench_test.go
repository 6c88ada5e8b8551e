package pyroscopetest

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"testing"

	"connectrpc.com/connect"
	"github.com/google/pprof/profile"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
)

// largeHeapProfile is a heap profile the size of a busy Go service's: 12k
// samples over 8k locations, stacks 8 to 40 deep, made with the pprof library.
func largeHeapProfile(b *testing.B) []byte {
	b.Helper()
	rnd := rand.New(rand.NewPCG(1, 2))
	p := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "inuse_objects", Unit: "count"}, {Type: "inuse_space", Unit: "bytes"}},
		PeriodType: &profile.ValueType{Type: "space", Unit: "bytes"},
		Period:     512 * 1024,
	}
	for i := 1; i <= 8000; i++ {
		fn := &profile.Function{ID: uint64(i), Name: fmt.Sprintf("example.com/service/pkg%d.Func%d", i%97, i)}
		p.Function = append(p.Function, fn)
		p.Location = append(p.Location, &profile.Location{ID: uint64(i), Line: []profile.Line{{Function: fn}}})
	}
	for i := 0; i < 12000; i++ {
		depth := 8 + rnd.IntN(33)
		stack := make([]*profile.Location, depth)
		for d := range stack {
			// Shallow frames come from a few functions, deep ones from many,
			// so stacks share their roots as real ones do.
			stack[d] = p.Location[rnd.IntN(min(len(p.Location), 4+(depth-d)*200))]
		}
		p.Sample = append(p.Sample, &profile.Sample{Location: stack, Value: []int64{int64(1 + rnd.IntN(10)), int64(1 + rnd.IntN(1<<20))}})
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkMergeLargeHeap measures one flame graph round trip through the
// fake for a large heap profile, so tests that lean on the fake know its cost.
func BenchmarkMergeLargeHeap(b *testing.B) {
	s := NewServer()
	defer s.Close()
	if err := s.Ingest(largeHeapProfile(b), map[string]string{"service_name": "large"}); err != nil {
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
