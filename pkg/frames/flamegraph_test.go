package frames

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

func TestFlameGraphFrameShape(t *testing.T) {
	frame, err := FlameGraph(loadMerge(t, "merge-embers-workload-process_cpu-cpu"), "nanoseconds")
	if err != nil {
		t.Fatal(err)
	}
	if frame.Name != "flamegraph" {
		t.Errorf("frame name %q", frame.Name)
	}
	var names []string
	for _, f := range frame.Fields {
		names = append(names, fmt.Sprintf("%s:%s", f.Name, f.Type()))
	}
	if got := strings.Join(names, " "); got != "level:[]int64 value:[]int64 self:[]int64 label:[]enum" {
		t.Errorf("fields %s", got)
	}
	for _, f := range frame.Fields[1:3] {
		if f.Config == nil || f.Config.Unit != "ns" {
			t.Errorf("%s unit %+v, want ns", f.Name, f.Config)
		}
	}
	if m := frame.Meta; m == nil || m.PreferredVisualization != "flamegraph" || m.PreferredVisualizationPluginID != "embers-flamegraph-panel" {
		t.Errorf("meta %+v", frame.Meta)
	}
	if len(frame.Meta.Notices) != 0 {
		t.Errorf("a full profile has notices: %+v", frame.Meta.Notices)
	}
}

// The workload spends 4 units in slowFunction for every 1 in
// fastFunction: the converted frame must say so.
func TestFlameGraphHotFunctionIsWidest(t *testing.T) {
	frame, err := FlameGraph(loadMerge(t, "merge-embers-workload-process_cpu-cpu"), "nanoseconds")
	if err != nil {
		t.Fatal(err)
	}
	rows := readFlameRows(t, frame)
	totals := map[string]int64{}
	for i, name := range rows.label {
		totals[name] += rows.value[i]
	}
	slow, fast := totals["main.slowFunction"], totals["main.fastFunction"]
	if fast == 0 || float64(slow)/float64(fast) < 3.5 || float64(slow)/float64(fast) > 4.5 {
		t.Errorf("slowFunction %d vs fastFunction %d: want about 4×", slow, fast)
	}
}

func TestFlameGraphEmptyAnswers(t *testing.T) {
	for _, tc := range []struct {
		name string
		fg   *querierv1.FlameGraph
		rows int
	}{
		{"nil flame graph", nil, 0},
		{"no levels", &querierv1.FlameGraph{Names: []string{"total"}}, 0},
		{"merge-empty", loadMerge(t, "merge-empty"), 1},
		{"error-unknown-profile-type", loadMerge(t, "error-unknown-profile-type"), 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			frame, err := FlameGraph(tc.fg, "nanoseconds")
			if err != nil {
				t.Fatalf("an empty answer is not an error: %v", err)
			}
			if frame.Rows() != tc.rows {
				t.Errorf("%d rows, want %d", frame.Rows(), tc.rows)
			}
			if len(frame.Fields) != 4 {
				t.Errorf("%d fields: an empty frame still has level, value, self, label", len(frame.Fields))
			}
			if frame.Meta == nil || len(frame.Meta.Notices) != 1 || !strings.HasPrefix(frame.Meta.Notices[0].Text, "No profile data in this range") {
				t.Errorf("notices %+v", frame.Meta)
			}
		})
	}
}

func TestFlameGraphDiffEmptyAnswer(t *testing.T) {
	frame, err := FlameGraphDiff(nil, "bytes")
	if err != nil || frame.Rows() != 0 || len(frame.Fields) != 6 || len(frame.Meta.Notices) != 1 {
		t.Fatalf("frame %v, err %v", frame, err)
	}
}

// maxNodes folds small nodes into `other`; they carry real samples, so they
// stay in the frame and the total is the untruncated one.
func TestFlameGraphKeepsTruncatedOtherNodes(t *testing.T) {
	fg := loadMerge(t, "merge-embers-demo-maxnodes-16")
	frame, err := FlameGraph(fg, "nanoseconds")
	if err != nil {
		t.Fatal(err)
	}
	rows := readFlameRows(t, frame)
	var others, otherValue int64
	for i, name := range rows.label {
		if name == "other" {
			others++
			otherValue += rows.value[i]
		}
	}
	if others == 0 || otherValue == 0 {
		t.Errorf("%d other nodes holding %d ns", others, otherValue)
	}
	full := loadMerge(t, "merge-embers-demo-process_cpu-cpu")
	if rows.value[0] != full.Total {
		t.Errorf("root %d, want the full total %d", rows.value[0], full.Total)
	}
	cut, all := countGroups(fg.Levels, singleWidth), countGroups(full.Levels, singleWidth)
	if len(rows.level) != cut || cut >= all {
		t.Errorf("%d rows from an answer of %d nodes (the uncut one has %d)", len(rows.level), cut, all)
	}
}

func TestFlameGraphRejectsMalformedLevels(t *testing.T) {
	names := []string{"total", "a", "b"}
	for _, tc := range []struct {
		name   string
		levels [][]int64
		detail string
	}{
		{"group of 3", [][]int64{{0, 10, 0}}, "not a multiple of 4"},
		{"two roots", [][]int64{{0, 10, 0, 0, 0, 5, 0, 0}}, "one root node"},
		{"name index past the end", [][]int64{{0, 10, 0, 0}, {0, 10, 10, 3}}, "name index 3"},
		{"negative name index", [][]int64{{0, 10, 0, 0}, {0, 10, 10, -1}}, "name index -1"},
		{"negative total", [][]int64{{0, -10, 0, 0}}, "negative total"},
		{"negative self", [][]int64{{0, 10, -1, 0}}, "negative self"},
		{"negative offset", [][]int64{{0, 10, 0, 0}, {-1, 5, 5, 1}}, "negative offset"},
		{"self above total", [][]int64{{0, 10, 11, 0}}, "larger than total"},
		{"child past the parent's end", [][]int64{{0, 10, 0, 0}, {5, 6, 6, 1}}, "runs past the end"},
		{"child in the parent's self", [][]int64{{0, 10, 5, 0}, {0, 5, 5, 1}}, "outside every parent"},
		{"child beyond every parent", [][]int64{{0, 10, 0, 0}, {10, 5, 5, 1}}, "outside every parent"},
		{"level below a gap", [][]int64{{0, 10, 0, 0}, {}, {0, 10, 10, 1}}, "outside every parent"},
		{"offset overflow", [][]int64{{0, math.MaxInt64, 0, 0}, {0, 1 << 62, 0, 1, 1 << 62, 1 << 62, 0, 2}}, "overflow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fg := &querierv1.FlameGraph{Names: names}
			for _, l := range tc.levels {
				fg.Levels = append(fg.Levels, &querierv1.Level{Values: l})
			}
			_, err := FlameGraph(fg, "count")
			if !errors.Is(err, ErrUnreadableFlameGraph) {
				t.Fatalf("err = %v, want ErrUnreadableFlameGraph", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "Pyroscope sent a flame graph that could not be read: ") || !strings.Contains(msg, tc.detail) {
				t.Errorf("message %q should say the flame graph could not be read and mention %q", msg, tc.detail)
			}
		})
	}
}

// Siblings keep Pyroscope's order, children follow their parent (pre-order),
// and a zero-width gap between siblings (xDelta) is honoured.
func TestFlameGraphPreOrderWithGaps(t *testing.T) {
	fg := &querierv1.FlameGraph{
		Names: []string{"total", "a", "b", "c", "d"},
		Levels: []*querierv1.Level{
			{Values: []int64{0, 100, 0, 0}},
			{Values: []int64{0, 40, 10, 1, 10, 50, 20, 2}},  // a [0,40), gap of 10, b [50,100)
			{Values: []int64{10, 30, 30, 3, 30, 30, 30, 4}}, // c [10,40) under a, d [70,100) under b
		},
	}
	frame, err := FlameGraph(fg, "count")
	if err != nil {
		t.Fatal(err)
	}
	rows := readFlameRows(t, frame)
	got := fmt.Sprint(rows.label, rows.level, rows.value, rows.self)
	want := "[total a c b d] [0 1 2 1 2] [100 40 30 50 30] [0 10 30 20 30]"
	if got != want {
		t.Errorf("rows %s, want %s", got, want)
	}
}

// With more than 65,536 distinct names an enum can't index them all and the
// label becomes a plain string field; repeated names still fit an enum.
func TestFlameGraphLabelFieldKind(t *testing.T) {
	build := func(distinct int) *querierv1.FlameGraph {
		n := maxEnumNames + 2
		fg := &querierv1.FlameGraph{Names: make([]string, n)}
		root := []int64{0, int64(n - 1), 0, 0}
		var children []int64
		for i := 1; i < n; i++ {
			fg.Names[i] = fmt.Sprintf("fn%d", i%distinct)
			children = append(children, 0, 1, 1, int64(i))
		}
		fg.Names[0] = "total"
		fg.Levels = []*querierv1.Level{{Values: root}, {Values: children}}
		return fg
	}
	for _, tc := range []struct {
		distinct int
		want     data.FieldType
	}{
		{maxEnumNames + 1, data.FieldTypeString},
		{maxEnumNames - 1, data.FieldTypeEnum}, // with "total", exactly as many as an enum indexes
		{1000, data.FieldTypeEnum},
	} {
		frame, err := FlameGraph(build(tc.distinct), "count")
		if err != nil {
			t.Fatal(err)
		}
		label := frame.Fields[3]
		if label.Type() != tc.want {
			t.Errorf("%d distinct names: label is %s, want %s", tc.distinct, label.Type(), tc.want)
		}
		rows := readFlameRows(t, frame)
		for i := 1; i < len(rows.label); i++ {
			if want := fmt.Sprintf("fn%d", i%tc.distinct); rows.label[i] != want {
				t.Fatalf("%d distinct names: row %d is labelled %q, want %q", tc.distinct, i, rows.label[i], want)
			}
		}
	}
}
