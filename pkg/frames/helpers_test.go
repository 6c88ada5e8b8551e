package frames

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/embers/embers/internal/testpaths"
)

var update = flag.Bool("update", false, "rewrite the golden frames in testdata/frames")

type recordedCase struct {
	Name     string          `json:"name"`
	Method   string          `json:"method"`
	Request  json.RawMessage `json:"request"`
	Status   int             `json:"status"`
	Response json.RawMessage `json:"response"`
}

func loadRecorded(tb testing.TB, name string, into proto.Message) recordedCase {
	tb.Helper()
	raw, err := os.ReadFile(testpaths.Shared(tb, "recorded", name+".json"))
	if err != nil {
		tb.Fatalf("recorded case %s: %v", name, err)
	}
	var rc recordedCase
	if err := json.Unmarshal(raw, &rc); err != nil {
		tb.Fatalf("recorded case %s: %v", name, err)
	}
	if into != nil {
		if err := protojson.Unmarshal(rc.Response, into); err != nil {
			tb.Fatalf("recorded case %s: response: %v", name, err)
		}
	}
	return rc
}

func loadMerge(tb testing.TB, name string) *querierv1.FlameGraph {
	tb.Helper()
	var resp querierv1.SelectMergeStacktracesResponse
	loadRecorded(tb, name, &resp)
	return resp.Flamegraph
}

func loadDiff(tb testing.TB, name string) *querierv1.FlameGraphDiff {
	tb.Helper()
	var resp querierv1.DiffResponse
	loadRecorded(tb, name, &resp)
	return resp.Flamegraph
}

// recordedMergeCases lists every recorded SelectMergeStacktraces answer.
func recordedMergeCases(tb testing.TB) []string {
	tb.Helper()
	matches, err := filepath.Glob(testpaths.Shared(tb, "recorded", "merge-*.json"))
	if err != nil || len(matches) == 0 {
		tb.Fatalf("no recorded merge cases found (%v)", err)
	}
	var names []string
	for _, m := range matches {
		name := filepath.Base(m)
		name = name[:len(name)-len(".json")]
		if name == "merge-profile-go-cpu" { // a pprof answer, not a flame graph
			continue
		}
		names = append(names, name)
	}
	return names
}
