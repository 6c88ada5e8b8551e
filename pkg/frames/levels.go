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
	values []int64 // a decoded level
	packed []byte  // a packed level
	count  int     // values in the level
	width  int
	at     int // index of the next group's first value
	end    int // index just past the next group
	pos    int // read offset in packed
	group  []int64
	ready  bool
}

func newCursors(levels []level, width int) []cursor {
	cs := make([]cursor, len(levels))
	groups := make([]int64, len(levels)*width)
	for i, l := range levels {
		cs[i] = cursor{values: l.values, packed: l.packed, count: l.count, width: width, end: width, group: groups[i*width : (i+1)*width]}
	}
	return cs
}

// peek returns the next group without taking it, nil at the end. The slice
// is valid until the next advance. Small enough to inline for decoded levels.
func (c *cursor) peek() []int64 {
	if c.packed == nil && c.end <= c.count {
		return c.values[c.at:c.end]
	}
	return c.decoded()
}

// decoded reads the next group of a packed level once; nil at the end.
func (c *cursor) decoded() []int64 {
	if c.end > c.count {
		return nil
	}
	if c.ready {
		return c.group
	}
	b := c.packed
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
	return c.group
}

func (c *cursor) advance() {
	c.at = c.end
	c.end += c.width
	c.ready = false
}

// index is the position of the next group in its level.
func (c *cursor) index() int { return c.at / c.width }

// left is how many groups were never taken.
func (c *cursor) left() int { return (c.count - c.at) / c.width }
