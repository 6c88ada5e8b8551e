package frames

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/embers/embers/internal/testpaths"
	"github.com/embers/embers/pkg/pyroscope/replay"
)

// Golden frames are the SDK's frame JSON, one frame per file, indented so a
// reviewer can read a change line by line. The TypeScript tests read the same
// files. They change only with `go test ./pkg/frames -update`.
func goldenPath(tb testing.TB, name string) string {
	return filepath.Join(testpaths.RepoRoot(tb), "testdata", "frames", name)
}

func frameJSON(tb testing.TB, frame *data.Frame) []byte {
	tb.Helper()
	raw, err := json.Marshal(frame)
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", " "); err != nil {
		tb.Fatal(err)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

func checkGolden(tb testing.TB, name string, frame *data.Frame) {
	tb.Helper()
	got := frameJSON(tb, frame)
	path := goldenPath(tb, name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (write it with: go test ./pkg/frames -update)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("frame differs from golden %s (review, then: go test ./pkg/frames -update)\n%s", name, firstDifference(want, got))
	}
	// The golden must read back as the same frame: what the TS side reads is what Go wrote.
	var back data.Frame
	if err := json.Unmarshal(want, &back); err != nil {
		tb.Fatalf("golden %s does not read back as a frame: %v", name, err)
	}
}

func firstDifference(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  golden: %s\n  now:    %s", i+1, wl, gl)
		}
	}
	return ""
}

func TestGoldenFrames(t *testing.T) {
	flame := func(name, unit string) func(t *testing.T) *data.Frame {
		return func(t *testing.T) *data.Frame {
			frame, err := FlameGraph(loadMerge(t, name), unit)
			if err != nil {
				t.Fatal(err)
			}
			return frame
		}
	}
	for _, tc := range []struct {
		file  string
		frame func(t *testing.T) *data.Frame
	}{
		{"demo-cpu.json", flame("merge-embers-demo-process_cpu-cpu", "nanoseconds")},
		{"workload-heap-inuse-space.json", flame("merge-embers-workload-memory-inuse_space", "bytes")},
		{"truncated-maxnodes-16.json", flame("merge-embers-demo-maxnodes-16", "nanoseconds")},
		{"empty.json", flame("merge-empty", "nanoseconds")},
		{"diff-demo-fast-vs-slow.json", func(t *testing.T) *data.Frame {
			frame, err := FlameGraphDiff(loadDiff(t, "diff-embers-demo-fast-vs-slow"), "nanoseconds")
			if err != nil {
				t.Fatal(err)
			}
			return frame
		}},
		{"series-workload-by-region.json", func(t *testing.T) *data.Frame {
			// One frame per file: the first of the two regions.
			var resp querierv1.SelectSeriesResponse
			replay.LoadInto(t, "series-embers-workload-by-region", &resp)
			return Series(resp.Series, "cpu", RuleFor("cpu", "nanoseconds"), 15)[0]
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			checkGolden(t, tc.file, tc.frame(t))
		})
	}
}
