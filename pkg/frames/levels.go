package frames

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"unsafe"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
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

// packedLevels counts each level's varints, refusing a list that stops in
// the middle of one. Each varint's length is checked as it is decoded.
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

// countPacked counts the bytes that end a varint, eight at a time.
func countPacked(b []byte) (int, bool) {
	if len(b) > 0 && b[len(b)-1] >= 0x80 {
		return 0, false
	}
	n := 0
	for ; len(b) >= 8; b = b[8:] {
		n += bits.OnesCount64(^binary.LittleEndian.Uint64(b) & 0x8080808080808080)
	}
	for _, c := range b {
		if c < 0x80 {
			n++
		}
	}
	return n, true
}

// errBadVarint is a packed value longer than a varint may be.
var errBadVarint = errors.New("a value is not a varint of at most 10 bytes")

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
	bad    bool // a value is not a varint
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

// decoded reads the next group of a packed level once; nil at the end or
// at a value that is not a varint (bad is then set). The varints are decoded
// here rather than by protowire.ConsumeVarint, which is too large to inline
// and would cost a call per value.
func (c *cursor) decoded() []int64 {
	if c.end > c.count || c.bad {
		return nil
	}
	if c.ready {
		return c.group
	}
	b, pos := c.packed, c.pos
	for k := range c.group {
		// countPacked found a last byte below 0x80 for every value, so
		// pos stays inside b.
		x := b[pos]
		pos++
		v := uint64(x & 0x7f)
		for shift := uint(7); x >= 0x80; shift += 7 {
			x = b[pos]
			pos++
			if shift == 63 && x > 1 { // a 10th byte holds the top bit alone
				c.bad = true
				return nil
			}
			v |= uint64(x&0x7f) << shift
		}
		c.group[k] = int64(v)
	}
	c.pos, c.ready = pos, true
	return c.group
}

func (c *cursor) advance() {
	c.at = c.end
	c.end += c.width
	c.ready = false
	// The level is read again only after the walk has been through the
	// levels below: ask now for what it reads a few lines later.
	if c.packed == nil {
		if k := c.at + prefetchValues; k < c.count {
			prefetch(unsafe.Pointer(&c.values[k]))
		}
	} else if k := c.pos + prefetchBytes; k < len(c.packed) {
		prefetch(unsafe.Pointer(&c.packed[k]))
	}
}

// How far ahead a level's cursor prefetches, about sixteen nodes: eight
// cache lines of a decoded level, three of a packed one.
const (
	prefetchValues = 64
	prefetchBytes  = 192
)

// index is the position of the next group in its level.
func (c *cursor) index() int { return c.at / c.width }

// left is how many groups were never taken.
func (c *cursor) left() int { return (c.count - c.at) / c.width }
