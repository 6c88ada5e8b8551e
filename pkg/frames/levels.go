package frames

import (
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/encoding/protowire"
)

// PackedFlameGraph is a flame graph answer whose levels are still the packed
// varints protobuf carried them in: the walk decodes each value as it reads
// it, so the million-node answers never exist as int64 slices.
type PackedFlameGraph struct {
	Names   NameTable
	Levels  [][]byte // one packed list of varints per level
	Total   int64
	MaxSelf int64
}

// level is one level's values, decoded or packed.
type level struct {
	values []int64
	packed []byte
	count  int // number of values
}

func plainLevels(ls []*querierv1.Level) []level {
	out := make([]level, len(ls))
	for i, l := range ls {
		out[i] = level{values: l.GetValues(), count: len(l.GetValues())}
	}
	return out
}

// packedLevels counts each level's varints, refusing a list that does not
// split into whole varints of at most 10 bytes.
func packedLevels(ls [][]byte) ([]level, error) {
	out := make([]level, len(ls))
	for i, b := range ls {
		n, ok := countPacked(b)
		if !ok {
			return nil, unreadable("level %d is not a list of varints", i)
		}
		out[i] = level{packed: b, count: n}
	}
	return out, nil
}

func countPacked(b []byte) (int, bool) {
	n, run := 0, 0
	for _, c := range b {
		if c >= 0x80 {
			if run++; run >= 10 {
				return 0, false
			}
			continue
		}
		if run == 9 && c > 1 { // a 10th byte may only hold the top bit
			return 0, false
		}
		n++
		run = 0
	}
	return n, run == 0
}

// cursor reads one level's groups left to right.
type cursor struct {
	lv    *level
	width int
	next  int // index of the next group
	pos   int // read offset in packed
	group []int64
	ready bool
}

func newCursors(levels []level, width int) []cursor {
	cs := make([]cursor, len(levels))
	groups := make([]int64, len(levels)*width)
	for i := range levels {
		cs[i] = cursor{lv: &levels[i], width: width, group: groups[i*width : (i+1)*width]}
	}
	return cs
}

// peek returns the next group without taking it, nil at the end. The slice
// is valid until the next advance.
func (c *cursor) peek() []int64 {
	start := c.next * c.width
	if start+c.width > c.lv.count {
		return nil
	}
	if c.lv.packed == nil {
		return c.lv.values[start : start+c.width]
	}
	if !c.ready {
		b := c.lv.packed
		for k := range c.group {
			if b[c.pos] < 0x80 { // most values are one byte
				c.group[k] = int64(b[c.pos])
				c.pos++
				continue
			}
			v, n := protowire.ConsumeVarint(b[c.pos:]) // checked by countPacked
			c.group[k] = int64(v)
			c.pos += n
		}
		c.ready = true
	}
	return c.group
}

func (c *cursor) advance() {
	c.next++
	c.ready = false
}

// left is how many groups were never taken.
func (c *cursor) left() int { return c.lv.count/c.width - c.next }
