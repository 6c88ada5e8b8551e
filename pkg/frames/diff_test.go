package frames

import (
	"strings"
	"testing"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// Each side of a recorded diff must be that side's own flame graph again
// (apart from nodes the server folded into `other` to stay under maxNodes):
// code_path="slow" is the right side of the demo's fast-vs-slow diff, and
// region eu-west the left side of the workload's eu-vs-us diff.
func TestFlameGraphDiffSidesAreTheirMerges(t *testing.T) {
	for _, tc := range []struct {
		diff, merge string
		right       bool
		minStacks   int
	}{
		{"diff-embers-demo-fast-vs-slow", "merge-embers-demo-code-path-slow", true, 7},
		{"diff-embers-workload-eu-vs-us", "merge-embers-workload-region-eu", false, 4},
	} {
		t.Run(tc.diff, func(t *testing.T) {
			fg := loadDiff(t, tc.diff)
			frame, err := FlameGraphDiff(fg, "nanoseconds")
			if err != nil {
				t.Fatal(err)
			}
			diff := readFlameRows(t, frame)
			if err := checkNestedSet(diff); err != nil {
				t.Fatal(err)
			}
			baseFrame, err := FlameGraph(loadMerge(t, tc.merge), "nanoseconds")
			if err != nil {
				t.Fatal(err)
			}
			base := readFlameRows(t, baseFrame)
			value, self, ticks := diff.value, diff.self, fg.LeftTicks
			if tc.right {
				value, self, ticks = diff.valueRight, diff.selfRight, fg.RightTicks
			}
			if value[0] != base.value[0] || value[0] != ticks {
				t.Errorf("side root %d, its merge's total %d, ticks %d", value[0], base.value[0], ticks)
			}
			compareSideWithMerge(t, selfByPath(diff.level, diff.label, self), selfByPath(base.level, base.label, base.self), tc.minStacks)
		})
	}
}

func compareSideWithMerge(t *testing.T, side, want map[string]int64, minStacks int) {
	t.Helper()
	all := len(want)
	var foldedSide, foldedBase int64
	for path, v := range side {
		if isOther(path) {
			foldedSide += v
			delete(side, path)
		}
	}
	for path, v := range side {
		if v == 0 { // a stack only the other side has
			delete(side, path)
		}
	}
	for path, v := range want {
		if _, ok := side[path]; !ok {
			foldedBase += v
			delete(want, path)
		}
	}
	if d := compareSums(side, want); d != "" {
		t.Errorf("the side differs from its merge:\n%s", d)
	}
	if foldedSide != foldedBase {
		t.Errorf("`other` holds %d on the side, the stacks it replaced hold %d", foldedSide, foldedBase)
	}
	t.Logf("%d stacks compared, %d folded into other", len(want), all-len(want))
	if len(want) < minStacks {
		t.Errorf("only %d stacks compared", len(want))
	}
}

func isOther(path string) bool {
	parts := strings.Split(path, "\n")
	return parts[len(parts)-1] == "other"
}

// Widths are left + right: the root spans the server's combined total, and a
// node present only on the right still has its width there.
func TestFlameGraphDiffWidthsAreLeftPlusRight(t *testing.T) {
	fg := loadDiff(t, "diff-embers-demo-fast-vs-slow")
	frame, err := FlameGraphDiff(fg, "nanoseconds")
	if err != nil {
		t.Fatal(err)
	}
	rows := readFlameRows(t, frame)
	if got := rows.value[0] + rows.valueRight[0]; got != fg.Total {
		t.Errorf("root width %d, server total %d", got, fg.Total)
	}
	rightOnly := 0
	for i := range rows.value {
		if rows.value[i] == 0 && rows.valueRight[i] > 0 {
			rightOnly++
		}
	}
	if rightOnly == 0 {
		t.Error("no node present only on the right: the case should have many")
	}
	if want := countGroups(fg.Levels, diffWidth); len(rows.level) != want {
		t.Errorf("%d rows, the answer has %d nodes", len(rows.level), want)
	}
	if u := frame.Fields[5].Config.Unit; frame.Fields[4].Name != "valueRight" || frame.Fields[5].Name != "selfRight" || u != "ns" {
		t.Errorf("fields 4 and 5 are %s, %s (unit %q), want valueRight, selfRight in ns", frame.Fields[4].Name, frame.Fields[5].Name, u)
	}
}

// A node missing on the left has zero left width; found by its left range
// alone it would attach to the wrong parent. Combined ranges place it right.
func TestFlameGraphDiffFindsParentsOnTheCombinedNode(t *testing.T) {
	fg := &querierv1.FlameGraphDiff{
		Names: []string{"total", "a", "b", "c"},
		Levels: []*querierv1.Level{
			{Values: []int64{0, 10, 0, 0, 10, 0, 0}},
			// a: left 10, right 0; b: left 0, right 10
			{Values: []int64{0, 10, 0, 0, 0, 0, 1, 0, 0, 0, 0, 10, 0, 2}},
			// c under b, right side only: its left x is b's (10), with no left width
			{Values: []int64{10, 0, 0, 0, 10, 10, 3}},
		},
	}
	frame, err := FlameGraphDiff(fg, "count")
	if err != nil {
		t.Fatal(err)
	}
	rows := readFlameRows(t, frame)
	got := strings.Join(rows.label, ",")
	if got != "total,a,b,c" || rows.level[3] != 2 {
		t.Fatalf("rows %s with levels %v, want c under b", got, rows.level)
	}
	if rows.selfRight[3] != 10 || rows.valueRight[2] != 10 || rows.value[2] != 0 {
		t.Errorf("b/c right values wrong: %+v", rows)
	}
}

func TestFlameGraphDiffRejectsASideThatOverflowsItsParent(t *testing.T) {
	fg := &querierv1.FlameGraphDiff{
		Names: []string{"total", "a"},
		Levels: []*querierv1.Level{
			{Values: []int64{0, 10, 0, 0, 10, 0, 0}},
			// combined 20 fits, but the left child (15) is larger than its left parent (10)
			{Values: []int64{0, 15, 0, 0, 5, 0, 1}},
		},
	}
	_, err := FlameGraphDiff(fg, "count")
	if err == nil || !strings.Contains(err.Error(), "Pyroscope sent a flame graph that could not be read") {
		t.Fatalf("err = %v", err)
	}
}
