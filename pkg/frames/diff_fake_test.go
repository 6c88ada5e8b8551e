package frames

import (
	"context"
	"net/http"
	"testing"
	"time"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"

	"github.com/embers/embers/internal/testpaths"
	"github.com/embers/embers/pkg/pyroscopetest"
)

// fastVsSlowDiff asks the Pyroscope fake, serving the real go-cpu profile, for
// a diff of its `function="fast"` samples (left) against `function="slow"`
// (right): a small diff where each side has stacks the other lacks.
func fastVsSlowDiff(t *testing.T) *querierv1.FlameGraphDiff {
	t.Helper()
	server := pyroscopetest.New(t)
	if err := server.IngestFile(testpaths.Shared(t, "profiles", "go-cpu-labels.pb.gz"), map[string]string{"service_name": "go-cpu"}); err != nil {
		t.Fatal(err)
	}
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, server.URL)
	now := time.Now()
	side := func(function string) *querierv1.SelectMergeStacktracesRequest {
		return &querierv1.SelectMergeStacktracesRequest{
			ProfileTypeID: "process_cpu:cpu:nanoseconds:cpu:nanoseconds",
			LabelSelector: `{service_name="go-cpu", function="` + function + `"}`,
			Start:         now.Add(-time.Hour).UnixMilli(),
			End:           now.Add(time.Minute).UnixMilli(),
			MaxNodes:      new(int64(16384)),
		}
	}
	resp, err := client.Diff(context.Background(), connect.NewRequest(&querierv1.DiffRequest{Left: side("fast"), Right: side("slow")}))
	if err != nil {
		t.Fatal(err)
	}
	return resp.Msg.Flamegraph
}

// Each side of the diff frame must be exactly that side's samples in the
// pprof file, per stack, as the pprof library reads them.
func TestFlameGraphDiffSidesMatchPprof(t *testing.T) {
	frame, err := FlameGraphDiff(fastVsSlowDiff(t), "nanoseconds")
	if err != nil {
		t.Fatal(err)
	}
	rows := readFlameRows(t, frame)
	if err := checkNestedSet(rows); err != nil {
		t.Fatal(err)
	}
	for _, side := range []struct {
		function    string
		value, self []int64
	}{{"fast", rows.value, rows.self}, {"slow", rows.valueRight, rows.selfRight}} {
		want, total := pprofStacksWhere(t, "go-cpu-labels.pb.gz", "cpu", "function", side.function)
		if total == 0 {
			t.Fatalf("no %s samples in the pprof file", side.function)
		}
		if side.value[0] != total {
			t.Errorf("%s side total %d, pprof says %d", side.function, side.value[0], total)
		}
		if d := compareSums(selfByPath(rows.level, rows.label, side.self), want); d != "" {
			t.Errorf("%s side differs from the pprof file:\n%s", side.function, d)
		}
	}
	slow, fast := functionTotalOn(rows, rows.valueRight, "main.slowFunction"), functionTotalOn(rows, rows.value, "main.fastFunction")
	if fast == 0 || slow < 3*fast {
		t.Errorf("right slowFunction %d vs left fastFunction %d: want about 4×", slow, fast)
	}
	checkGolden(t, "diff-go-cpu-fast-vs-slow.json", frame)
}

func functionTotalOn(rows flameRows, value []int64, fn string) int64 {
	side := rows
	side.value = value
	return functionTotal(side, fn)
}
