package frames

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"

	"github.com/embers/embers/internal/testpaths"
	"github.com/embers/embers/pkg/pyroscopetest"
)

// workloadFlameGraph serves the project's own workload CPU profile through the
// in-process Pyroscope fake and fetches the merged flame graph as a client would.
func workloadFlameGraph(t *testing.T) *querierv1.FlameGraph {
	t.Helper()
	server := pyroscopetest.New(t)
	file := filepath.Join(testpaths.RepoRoot(t), "testdata", "profiles", "workload-cpu.pb.gz")
	if err := server.IngestFile(file, map[string]string{"service_name": "workload"}); err != nil {
		t.Fatal(err)
	}
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, server.URL)
	now := time.Now()
	resp, err := client.SelectMergeStacktraces(context.Background(), connect.NewRequest(&querierv1.SelectMergeStacktracesRequest{
		ProfileTypeID: "process_cpu:cpu:nanoseconds:cpu:nanoseconds",
		LabelSelector: `{service_name="workload"}`,
		Start:         now.Add(-time.Hour).UnixMilli(),
		End:           now.Add(time.Minute).UnixMilli(),
		MaxNodes:      new(int64(16384)),
	}))
	if err != nil {
		t.Fatal(err)
	}
	return resp.Msg.Flamegraph
}

// functionTotal is the time spent in fn and below it: the summed value of its
// outermost nodes (a recursive call is not counted twice).
func functionTotal(rows flameRows, fn string) int64 {
	var sum int64
	insideAt := int64(-1) // level of the fn node we are inside, -1 when outside
	for i, name := range rows.label {
		if insideAt >= 0 && rows.level[i] <= insideAt {
			insideAt = -1
		}
		if insideAt < 0 && name == fn {
			sum += rows.value[i]
			insideAt = rows.level[i]
		}
	}
	return sum
}

// The workload does 4 units of work in slowFunction for each 1 in
// fastFunction: after the fake and the converter, the frame must still say so.
func TestWorkloadCPUThroughTheFake(t *testing.T) {
	frame, err := FlameGraph(workloadFlameGraph(t), "nanoseconds")
	if err != nil {
		t.Fatal(err)
	}
	rows := readFlameRows(t, frame)
	if err := checkNestedSet(rows); err != nil {
		t.Fatal(err)
	}
	slow, fast := functionTotal(rows, "main.slowFunction"), functionTotal(rows, "main.fastFunction")
	if fast == 0 {
		t.Fatalf("main.fastFunction is missing (labels %v)", rows.label)
	}
	if ratio := float64(slow) / float64(fast); ratio < 3.2 || ratio > 4.8 {
		t.Errorf("slowFunction/fastFunction = %.2f (%d ns vs %d ns), want 4 ± 20%%", ratio, slow, fast)
	}
	if share := float64(slow) / float64(rows.value[0]); share < 0.7 {
		t.Errorf("slowFunction holds %.0f%% of the CPU, want about 80%%", share*100)
	}
	checkGolden(t, "workload-cpu.json", frame)
}
