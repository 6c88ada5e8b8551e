package frames

import (
	"context"
	"math"
	"slices"
)

// OtherName is the node Pyroscope folds the nodes below its cut-off into.
const OtherName = "other"

// layout says where a node's fields sit in its group of level values.
type layout struct {
	width  int
	totals []int // the total field of each side; self follows its total
	single bool  // the walk reads these nodes itself, as readSingle does
}

var (
	singleLayout = layout{width: singleWidth, totals: []int{1}, single: true}
	diffLayout   = layout{width: diffWidth, totals: []int{1, 4}}
)

// folding keeps the k largest nodes, the way Pyroscope truncates to
// maxNodes, and folds the rest into one "other" child per parent. Ties on the
// cut-off total are kept shallowest first, then left to right, so a kept
// node's parent is always kept too (it is at least as large and shallower).
type folding struct {
	threshold  int64 // the k-th largest total
	tiesKept   int   // how many nodes with exactly threshold are kept
	tiesBefore []int // per depth: nodes with exactly threshold at shallower depths
	tiesSeen   []int // per depth: nodes with exactly threshold read so far
	otherIndex int64 // the name index of "other"
	others     bool  // false when there is room for the root alone
}

// keeps decides one node; it must see every node of a level in order.
func (f *folding) keeps(depth int, total int64) bool {
	if f == nil || total > f.threshold {
		return true
	}
	return f.keepsTie(depth, total)
}

func (f *folding) keepsTie(depth int, total int64) bool {
	if total < f.threshold {
		return false
	}
	rank := f.tiesBefore[depth] + f.tiesSeen[depth]
	f.tiesSeen[depth]++
	return rank < f.tiesKept
}

// otherSums adds up, per open kept node, the children folded away.
type otherSums struct {
	fold  *folding
	group [][]int64
	has   []bool
}

func newOtherSums(f *folding, depths, width int) *otherSums {
	s := &otherSums{fold: f}
	if f == nil || !f.others {
		return s
	}
	s.group, s.has = make([][]int64, depths), make([]bool, depths)
	for d := range s.group {
		s.group[d] = make([]int64, width)
	}
	return s
}

func (s *otherSums) add(parentDepth int, child []int64, l layout) {
	if s.group == nil {
		return
	}
	g := s.group[parentDepth]
	if !s.has[parentDepth] {
		clear(g)
		s.has[parentDepth] = true
		g[l.width-1] = s.fold.otherIndex
	}
	for _, t := range l.totals {
		g[t] = saturatingAdd(g[t], child[t])
		g[t+1] = g[t] // "other" has no children: all of it is self
	}
}

// take returns the "other" child of the node closing at depth, if any.
func (s *otherSums) take(depth int) []int64 {
	if s.group == nil || !s.has[depth] {
		return nil
	}
	s.has[depth] = false
	return s.group[depth]
}

// planFold returns nil when the levels hold at most maxNodes nodes (or
// maxNodes is 0, no bound). Otherwise it picks how many nodes to keep so
// that the kept nodes and their "other" children fit in maxNodes, and
// returns the names with "other" among them.
func planFold(ctx context.Context, levels []level, l layout, read readNode, n int, maxNodes int64, names nameList) (*folding, nameList, error) {
	if maxNodes <= 0 || int64(n) <= maxNodes {
		return nil, names, nil
	}
	otherIndex := int64(indexOf(names, OtherName))
	if otherIndex < 0 {
		otherIndex = int64(names.Len())
		names = withOther{names}
	}
	totals := make([]int64, 0, n)
	eachNode(levels, l.width, func(_ int, g []int64) {
		_, total, _, _ := read(g) // a bad node is reported by the walk itself
		totals = append(totals, total)
	})
	slices.Sort(totals)
	plan := func(k int) *folding {
		f := &folding{otherIndex: otherIndex, others: maxNodes > 1}
		f.threshold = totals[len(totals)-k]
		greater := len(totals) - upperBound(totals, f.threshold)
		f.tiesKept = k - greater
		f.tiesBefore, f.tiesSeen = make([]int, len(levels)), make([]int, len(levels))
		perDepth := make([]int, len(levels))
		eachNode(levels, l.width, func(depth int, g []int64) {
			if _, total, _, _ := read(g); total == f.threshold {
				perDepth[depth]++
			}
		})
		for d := 1; d < len(levels); d++ {
			f.tiesBefore[d] = f.tiesBefore[d-1] + perDepth[d-1]
		}
		return f
	}
	// Each kept node can add one "other" child: try keeping maxNodes and
	// lower it by the overshoot a few times, then fall back to half, which
	// always fits.
	k := int(maxNodes)
	for range 6 {
		f := plan(k)
		rows, err := (&walk{ctx: ctx, levels: levels, layout: l, read: read, fold: f}).run()
		if err != nil {
			return nil, nil, err
		}
		if int64(rows) <= maxNodes {
			clear(f.tiesSeen)
			return f, names, nil
		}
		k = max(1, k-(rows-int(maxNodes)))
	}
	return plan(max(1, int(maxNodes)/2)), names, nil
}

// eachNode calls fn on every group of every level.
func eachNode(levels []level, width int, fn func(depth int, group []int64)) {
	cursors := newCursors(levels, width)
	for d := range cursors {
		for g := cursors[d].peek(); g != nil; g = cursors[d].peek() {
			fn(d, g)
			cursors[d].advance()
		}
	}
}

// upperBound is the index of the first value above v in sorted.
func upperBound(sorted []int64, v int64) int {
	i, _ := slices.BinarySearchFunc(sorted, v, func(e, t int64) int {
		if e <= t {
			return -1
		}
		return 1
	})
	return i
}

func saturatingAdd(a, b int64) int64 {
	if b > 0 && a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}
