package pyroscopetest

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"

	"github.com/embers/embers/internal/testpaths"
)

// ingestWorkload serves the project's own workload profiles.
func ingestWorkload(t *testing.T, s *Server) {
	t.Helper()
	dir := filepath.Join(testpaths.RepoRoot(t), "testdata", "profiles")
	for file, name := range map[string]string{"workload-cpu.pb.gz": "", "workload-heap.pb.gz": ""} {
		labels := map[string]string{"service_name": "workload"}
		if name != "" {
			labels["__name__"] = name
		}
		if err := s.IngestFile(filepath.Join(dir, file), labels); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
}

func mergeWorkload(t *testing.T, s *Server, profileType string, opts ...connect.ClientOption) *querierv1.FlameGraph {
	t.Helper()
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL, opts...)
	now := time.Now()
	resp, err := client.SelectMergeStacktraces(context.Background(), connect.NewRequest(&querierv1.SelectMergeStacktracesRequest{
		ProfileTypeID: profileType, LabelSelector: `{service_name="workload"}`,
		Start: now.Add(-time.Hour).UnixMilli(), End: now.Add(time.Minute).UnixMilli(),
	}))
	if err != nil {
		t.Fatal(err)
	}
	return resp.Msg.Flamegraph
}

// totalOf sums the total of every node named fn (its cumulative time).
func totalOf(fg *querierv1.FlameGraph, fn string) int64 {
	var sum int64
	for path, self := range stackSelf(fg) {
		if strings.Contains(";"+path+";", ";"+fn+";") {
			sum += self
		}
	}
	return sum
}

func TestWorkloadCPUHotFunctionIsFourTimesTheFastOne(t *testing.T) {
	s := New(t)
	ingestWorkload(t, s)
	for name, opt := range map[string][]connect.ClientOption{"protobuf": nil, "json": {connect.WithProtoJSON()}} {
		t.Run(name, func(t *testing.T) {
			fg := mergeWorkload(t, s, "process_cpu:cpu:nanoseconds:cpu:nanoseconds", opt...)
			slow, fast := totalOf(fg, "main.slowFunction"), totalOf(fg, "main.fastFunction")
			if fast == 0 {
				t.Fatalf("main.fastFunction missing from the flame graph (names %v)", fg.Names)
			}
			if ratio := float64(slow) / float64(fast); ratio < 3 || ratio > 5.5 {
				t.Errorf("slowFunction/fastFunction = %.2f (slow %d ns, fast %d ns), want about 4", ratio, slow, fast)
			}
			if share := float64(slow) / float64(fg.Total); share < 0.7 {
				t.Errorf("slowFunction has %.0f%% of the CPU, want about 80%%", share*100)
			}
		})
	}
}

func TestWorkloadHeapLargeAllocationsAreFourTimesTheSmall(t *testing.T) {
	s := New(t)
	ingestWorkload(t, s)
	fg := mergeWorkload(t, s, "memory:inuse_space:bytes:space:bytes")
	small, large := totalOf(fg, "main.allocSmall"), totalOf(fg, "main.allocLarge")
	if small != 64*256<<10 || large != 64*1<<20 {
		t.Errorf("allocSmall %d bytes, allocLarge %d bytes; want %d and %d", small, large, 64*256<<10, 64*1<<20)
	}
}
