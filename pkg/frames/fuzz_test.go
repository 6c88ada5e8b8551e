package frames

import (
	"context"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/encoding/protowire"
)

// Fuzz inputs: shape holds uvarint level lengths (in values, so lengths that
// are not whole groups get tried too), values holds zigzag varints, names is
// NUL-separated. Run one target at a time, anchored, e.g.
//
//	go test ./pkg/frames -run '^$' -fuzz '^FuzzFlameGraph$' -fuzztime 10s
//	go test ./pkg/frames -run '^$' -fuzz '^FuzzFlameGraphDiff$' -fuzztime 10s

const maxFuzzLevelLen = 1 << 14

func decodeFuzzLevels(shape, values []byte) []*querierv1.Level {
	var levels []*querierv1.Level
	for len(shape) > 0 {
		n, k := binary.Uvarint(shape)
		if k <= 0 {
			break
		}
		shape = shape[k:]
		level := &querierv1.Level{}
		for i := uint64(0); i < min(n, maxFuzzLevelLen) && len(values) > 0; i++ {
			v, k := binary.Varint(values)
			if k <= 0 {
				values = nil
				break
			}
			values = values[k:]
			level.Values = append(level.Values, v)
		}
		levels = append(levels, level)
	}
	return levels
}

func encodeFuzzLevels(levels []*querierv1.Level) (shape, values []byte) {
	for _, l := range levels {
		shape = binary.AppendUvarint(shape, uint64(len(l.Values)))
		for _, v := range l.Values {
			values = binary.AppendVarint(values, v)
		}
	}
	return shape, values
}

func fuzzNames(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x00")
}

func FuzzFlameGraph(f *testing.F) {
	for _, name := range []string{"merge-embers-demo-maxnodes-16", "merge-embers-workload-process_cpu-cpu", "merge-empty", "merge-embers-demo-goroutines-goroutine", "merge-embers-demo-memory-alloc_space"} {
		fg := loadMerge(f, name)
		shape, values := encodeFuzzLevels(fg.Levels)
		f.Add(shape, values, strings.Join(fg.Names, "\x00"))
	}
	f.Add([]byte{}, []byte{}, "")
	f.Fuzz(func(t *testing.T, shape, values []byte, names string) {
		fg := &querierv1.FlameGraph{Names: fuzzNames(names), Levels: decodeFuzzLevels(shape, values)}
		frame, err := FlameGraph(fg, "nanoseconds")
		if err != nil {
			if !strings.HasPrefix(err.Error(), ErrUnreadableFlameGraph.Error()) {
				t.Fatalf("error without the user-facing prefix: %v", err)
			}
			return
		}
		rows := readFlameRows(t, frame)
		checkFuzzedFrame(t, rows, countGroups(fg.Levels, singleWidth))
		checkPackedMatches(t, fg, frame)
		checkFolded(t, fg, rows, int64(1+len(values)%23))
	})
}

// checkPackedMatches converts the same levels as packed varints: the frame
// must be the same.
func checkPackedMatches(t *testing.T, fg *querierv1.FlameGraph, want *data.Frame) {
	t.Helper()
	got, err := FlameGraphPacked(context.Background(), packFlameGraph(fg), "nanoseconds", 0)
	if err != nil {
		t.Fatalf("packed levels refused: %v", err)
	}
	gj, _ := got.MarshalJSON()
	wj, _ := want.MarshalJSON()
	if string(gj) != string(wj) {
		t.Fatalf("packed levels give another frame:\n%s\nwant\n%s", gj, wj)
	}
}

// packFlameGraph encodes decoded levels the way they come off the wire.
func packFlameGraph(fg *querierv1.FlameGraph) *PackedFlameGraph {
	packed := &PackedFlameGraph{Names: NewNameTable(fg.Names...), Total: fg.Total}
	for _, l := range fg.Levels {
		var b []byte
		for _, v := range l.Values {
			b = protowire.AppendVarint(b, uint64(v))
		}
		packed.Levels = append(packed.Levels, b)
	}
	return packed
}

// checkFolded bounds the same levels to maxNodes: never more rows, the same
// root, still a nested set.
func checkFolded(t *testing.T, fg *querierv1.FlameGraph, whole flameRows, maxNodes int64) {
	t.Helper()
	frame, err := FlameGraphWithin(context.Background(), fg, "nanoseconds", maxNodes)
	if err != nil {
		t.Fatalf("folding refused levels the plain conversion took: %v", err)
	}
	rows := readFlameRows(t, frame)
	if int64(len(rows.level)) > maxNodes && len(whole.level) > 0 {
		t.Fatalf("%d rows for max nodes %d", len(rows.level), maxNodes)
	}
	if len(whole.level) > 0 && rows.value[0] != whole.value[0] {
		t.Fatalf("folding changed the root from %d to %d", whole.value[0], rows.value[0])
	}
	if err := checkNestedSet(rows); err != nil {
		t.Fatalf("folded frame is not a nested set: %v", err)
	}
}

func FuzzFlameGraphDiff(f *testing.F) {
	// The recorded diff is large; its first three levels are still a valid
	// tree, with the names they use renumbered to keep each run quick.
	levels, names := compactDiffPrefix(loadDiff(f, "diff-embers-demo-fast-vs-slow"), 3)
	shape, values := encodeFuzzLevels(levels)
	f.Add(shape, values, strings.Join(names, "\x00"))
	shape, values = encodeFuzzLevels([]*querierv1.Level{
		{Values: []int64{0, 10, 0, 0, 10, 0, 0}},
		{Values: []int64{0, 10, 0, 0, 0, 0, 1, 0, 0, 0, 0, 10, 0, 2}},
		{Values: []int64{10, 0, 0, 0, 10, 10, 3}},
	})
	f.Add(shape, values, "total\x00a\x00b\x00c")
	f.Add([]byte{}, []byte{}, "")
	f.Fuzz(func(t *testing.T, shape, values []byte, names string) {
		fg := &querierv1.FlameGraphDiff{Names: fuzzNames(names), Levels: decodeFuzzLevels(shape, values)}
		frame, err := FlameGraphDiff(fg, "bytes")
		if err != nil {
			if !strings.HasPrefix(err.Error(), ErrUnreadableFlameGraph.Error()) {
				t.Fatalf("error without the user-facing prefix: %v", err)
			}
			return
		}
		rows := readFlameRows(t, frame)
		if rows.valueRight == nil || rows.selfRight == nil {
			t.Fatal("diff frame without valueRight/selfRight")
		}
		checkFuzzedFrame(t, rows, countGroups(fg.Levels, diffWidth))
	})
}

func checkFuzzedFrame(t *testing.T, rows flameRows, nodes int) {
	t.Helper()
	if len(rows.level) != nodes {
		t.Fatalf("%d rows from %d nodes: a node was lost or invented", len(rows.level), nodes)
	}
	if err := checkNestedSet(rows); err != nil {
		t.Fatalf("not a nested set: %v", err)
	}
}

// compactDiffPrefix keeps the first depth levels of a diff and only the names
// they use.
func compactDiffPrefix(fg *querierv1.FlameGraphDiff, depth int) ([]*querierv1.Level, []string) {
	index := map[int64]int64{}
	var names []string
	var levels []*querierv1.Level
	for _, l := range fg.Levels[:depth] {
		values := append([]int64(nil), l.Values...)
		for i := diffWidth - 1; i < len(values); i += diffWidth {
			idx, ok := index[values[i]]
			if !ok {
				idx = int64(len(names))
				index[values[i]] = idx
				names = append(names, fg.Names[values[i]])
			}
			values[i] = idx
		}
		levels = append(levels, &querierv1.Level{Values: values})
	}
	return levels, names
}

// Packed values are checked as they are decoded: a varint of 11 bytes, or a
// 10th byte above the top bit, is refused where it sits, and the largest
// valid varint still converts.
func TestPackedLevelsRefuseBadVarints(t *testing.T) {
	maxVarint := protowire.AppendVarint(nil, 1<<63) // 10 bytes, the 10th is 1
	root := func(total []byte) [][]byte {
		l := []byte{0}
		l = append(l, total...)
		return [][]byte{append(l, 0, 0)}
	}
	for _, tc := range []struct {
		name   string
		levels [][]byte
	}{
		{"11 bytes", root([]byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01})},
		{"10th byte too large", root([]byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02})},
	} {
		fg := &PackedFlameGraph{Names: NewNameTable("total"), Levels: tc.levels}
		_, err := FlameGraphPacked(context.Background(), fg, "count", 0)
		if !errors.Is(err, ErrUnreadableFlameGraph) || !strings.Contains(err.Error(), "level 0, node 0: a value is not a varint of at most 10 bytes") {
			t.Errorf("%s: got %v", tc.name, err)
		}
	}
	// 1<<63 is a negative total once read as int64: refused for that, not
	// for its encoding.
	_, err := FlameGraphPacked(context.Background(), &PackedFlameGraph{Names: NewNameTable("total"), Levels: root(maxVarint)}, "count", 0)
	if err == nil || !strings.Contains(err.Error(), "negative total") {
		t.Errorf("the longest varint: got %v, want the negative total named", err)
	}
}
