package frames

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/google/pprof/profile"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"

	"github.com/embers/embers/pkg/pyroscopetest"
)

// workloadSide is the project's workload CPU profile cut to the samples
// whose stack passes through fn, read with the pprof library.
func workloadSide(t *testing.T, fn string) *profile.Profile {
	t.Helper()
	p := parsePprof(t, ownProfile(t, "workload-cpu.pb.gz"))
	if fm, _, _, _ := p.FilterSamplesByName(regexp.MustCompile("^"+regexp.QuoteMeta(fn)+"$"), nil, nil, nil); !fm {
		t.Fatalf("no %s in the workload profile", fn)
	}
	return p
}

// fastVsSlowDiff asks the Pyroscope fake for a diff of the workload's
// fastFunction samples (left, `function="fast"`) against its slowFunction
// samples (right, `function="slow"`): a small diff where each side has stacks
// the other lacks.
func fastVsSlowDiff(t *testing.T) *querierv1.FlameGraphDiff {
	t.Helper()
	server := pyroscopetest.New(t)
	for function, fn := range map[string]string{"fast": "main.fastFunction", "slow": "main.slowFunction"} {
		var buf bytes.Buffer
		if err := workloadSide(t, fn).Write(&buf); err != nil {
			t.Fatal(err)
		}
		if err := server.Ingest(buf.Bytes(), map[string]string{"service_name": "workload", "function": function}); err != nil {
			t.Fatal(err)
		}
	}
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, server.URL)
	now := time.Now()
	side := func(function string) *querierv1.SelectMergeStacktracesRequest {
		return &querierv1.SelectMergeStacktracesRequest{
			ProfileTypeID: "process_cpu:cpu:nanoseconds:cpu:nanoseconds",
			LabelSelector: `{service_name="workload", function="` + function + `"}`,
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
	}{{"main.fastFunction", rows.value, rows.self}, {"main.slowFunction", rows.valueRight, rows.selfRight}} {
		want, total := pprofStacksOf(t, workloadSide(t, side.function), "cpu")
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
	checkGolden(t, "diff-workload-fast-vs-slow.json", frame)
}

func functionTotalOn(rows flameRows, value []int64, fn string) int64 {
	side := rows
	side.value = value
	return functionTotal(side, fn)
}
