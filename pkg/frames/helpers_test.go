package frames

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

var update = flag.Bool("update", false, "rewrite the golden frames in testdata/frames")

func loadMerge(tb testing.TB, name string) *querierv1.FlameGraph {
	tb.Helper()
	return loadMergeFrom(tb, replay.Dir(tb), name)
}

func loadMergeFrom(tb testing.TB, dir, name string) *querierv1.FlameGraph {
	tb.Helper()
	var resp querierv1.SelectMergeStacktracesResponse
	replay.LoadFromInto(tb, dir, name, &resp)
	return resp.Flamegraph
}

func loadDiff(tb testing.TB, name string) *querierv1.FlameGraphDiff {
	tb.Helper()
	var resp querierv1.DiffResponse
	replay.LoadInto(tb, name, &resp)
	return resp.Flamegraph
}

// recordedMergeCases lists every recorded SelectMergeStacktraces answer in dir.
func recordedMergeCases(tb testing.TB, dir string) []string {
	tb.Helper()
	matches, err := filepath.Glob(filepath.Join(dir, "merge-*.json"))
	if err != nil || len(matches) == 0 {
		tb.Fatalf("no recorded merge cases found (%v)", err)
	}
	var names []string
	for _, m := range matches {
		name := filepath.Base(m)
		name = name[:len(name)-len(".json")]
		if strings.HasPrefix(name, "merge-profile-") { // a pprof answer, not a flame graph
			continue
		}
		names = append(names, name)
	}
	return names
}
