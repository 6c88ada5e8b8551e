package frames

import (
	"fmt"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// flameRows is a flame graph frame read back the way a panel reads it.
type flameRows struct {
	level, value, self    []int64
	valueRight, selfRight []int64 // diff frames only
	label                 []string
}

func readFlameRows(tb testing.TB, frame *data.Frame) flameRows {
	tb.Helper()
	var r flameRows
	for _, f := range frame.Fields {
		switch f.Name {
		case "level":
			r.level = int64s(tb, f)
		case "value":
			r.value = int64s(tb, f)
		case "self":
			r.self = int64s(tb, f)
		case "valueRight":
			r.valueRight = int64s(tb, f)
		case "selfRight":
			r.selfRight = int64s(tb, f)
		case "label":
			r.label = labelTexts(tb, f)
		}
	}
	if r.level == nil || r.value == nil || r.self == nil || r.label == nil {
		tb.Fatalf("frame lacks one of level, value, self, label: %v", frame.Fields)
	}
	return r
}

func int64s(tb testing.TB, f *data.Field) []int64 {
	tb.Helper()
	out := make([]int64, f.Len())
	for i := range out {
		v, ok := f.At(i).(int64)
		if !ok {
			tb.Fatalf("field %s holds %T, want int64", f.Name, f.At(i))
		}
		out[i] = v
	}
	return out
}

// labelTexts resolves an enum label field through its config, or reads a
// plain string field as it is.
func labelTexts(tb testing.TB, f *data.Field) []string {
	tb.Helper()
	out := make([]string, f.Len())
	if f.Type() == data.FieldTypeString {
		for i := range out {
			out[i] = f.At(i).(string)
		}
		return out
	}
	if f.Config == nil || f.Config.TypeConfig == nil || f.Config.TypeConfig.Enum == nil {
		tb.Fatalf("label field of type %s has no enum config", f.Type())
	}
	text := f.Config.TypeConfig.Enum.Text
	for i := range out {
		idx := int(f.At(i).(data.EnumItemIndex))
		if idx >= len(text) {
			tb.Fatalf("label row %d indexes %d of %d enum names", i, idx, len(text))
		}
		out[i] = text[idx]
	}
	return out
}

// checkNestedSet returns what is wrong with the rows as a nested set: levels
// start at 0 and step down by at most one, value >= self >= 0, and children's
// values add up to no more than their parent's value minus its self.
func checkNestedSet(r flameRows) error {
	if err := checkSide(r.level, r.value, r.self, "left"); err != nil {
		return err
	}
	if r.valueRight != nil {
		return checkSide(r.level, r.valueRight, r.selfRight, "right")
	}
	return nil
}

func checkSide(level, value, self []int64, side string) error {
	room := []int64{} // room left under each open node, by depth
	for i := range level {
		d := level[i]
		if i == 0 && d != 0 {
			return fmt.Errorf("row 0 has level %d, want 0", d)
		}
		if d < 1 && i > 0 {
			return fmt.Errorf("row %d is a second root", i)
		}
		if d > int64(len(room)) {
			return fmt.Errorf("row %d jumps to level %d under level %d", i, d, len(room)-1)
		}
		if self[i] < 0 || value[i] < self[i] {
			return fmt.Errorf("%s row %d: value %d, self %d", side, i, value[i], self[i])
		}
		room = room[:d]
		if d > 0 {
			room[d-1] -= value[i]
			if room[d-1] < 0 {
				return fmt.Errorf("%s row %d: children add up to more than the parent", side, i)
			}
		}
		room = append(room, value[i]-self[i])
	}
	return nil
}

// selfByPath sums self per root-to-node path of names (root excluded),
// keeping only non-zero sums: what a pprof file says per stack.
func selfByPath(level []int64, label []string, self []int64) map[string]int64 {
	sums := map[string]int64{}
	var path []string
	for i := range level {
		d := int(level[i])
		if d == 0 {
			path = path[:0]
		} else {
			path = append(path[:d-1], label[i])
		}
		if self[i] != 0 {
			sums[strings.Join(path, "\n")] += self[i]
		}
	}
	return sums
}

// countGroups is the number of nodes in the levels, for width values a node.
func countGroups(levels []*querierv1.Level, width int) int {
	n := 0
	for _, l := range levels {
		n += len(l.GetValues()) / width
	}
	return n
}
