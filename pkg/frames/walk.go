package frames

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// readNode decodes one group of level values into the node the tree structure
// is found on: for a diff, the two sides combined.
type readNode func(group []int64) (xDelta, total, self int64, err error)

// emitNode writes one node into the frame's columns at row, in pre-order.
type emitNode func(row, depth int, group []int64) error

// openNode is a node on the path from the root to the current row: children
// must start in [childStart, end) and end by end. A node folded into "other"
// stays open only so its descendants are read past.
type openNode struct {
	childStart, end int64
	kept            bool
}

// cancelCheckEvery is how many nodes are converted between looks at the
// request's context, so a canceled request stops converting.
const cancelCheckEvery = 1 << 15

// countNodes checks every level splits into whole groups and counts the nodes,
// so the columns can be allocated once.
func countNodes(levels []level, width int) (int, error) {
	n := 0
	for d, l := range levels {
		if l.count%width != 0 {
			return 0, unreadable("level %d has %d values, not a multiple of %d", d, l.count, width)
		}
		n += l.count / width
	}
	if n > 0 && levels[0].count != width {
		return 0, unreadable("the first level must hold one root node, it holds %d", levels[0].count/width)
	}
	return n, nil
}

// walk is one pass over Pyroscope's levels in depth-first pre-order.
type walk struct {
	ctx    context.Context
	levels []level
	layout layout
	read   readNode
	emit   emitNode // nil only counts the rows
	fold   *folding // nil keeps every node
}

// run visits the levels without building a tree: each level is read left to
// right with its own cursor, and a stack of the open nodes' ranges says
// whether the next node of the level below belongs to the node on top (x in
// [x+self, x+total), half-open). It returns the number of rows emitted;
// every node must land under a parent.
func (w *walk) run() (int, error) {
	levels, width := w.levels, w.layout.width
	depthCount := len(levels)
	if depthCount == 0 || levels[0].count == 0 {
		return 0, nil
	}
	cursors := newCursors(levels, width)
	xEnd := make([]int64, depthCount) // end of the last node taken per level
	stack := make([]openNode, 0, depthCount)
	other := newOtherSums(w.fold, depthCount, width)
	row := 0

	emit := func(depth int, group []int64) error {
		if w.emit != nil {
			if err := w.emit(row, depth, group); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	take := func(depth int, x, total, self int64, group []int64) error {
		end, ok := addNonNegative(x, total)
		if !ok {
			return errors.New("positions overflow")
		}
		if depth > 0 && end > stack[depth-1].end {
			return errors.New("the node runs past the end of its parent")
		}
		// keeps must see every node, in order, for its tie count.
		kept := w.fold.keeps(depth, total)
		if depth == 0 {
			kept = true
		} else if !stack[depth-1].kept {
			kept = false
		}
		switch {
		case kept:
			if err := emit(depth, group); err != nil {
				return err
			}
		case stack[depth-1].kept:
			other.add(depth-1, group, w.layout)
		}
		cursors[depth].advance()
		xEnd[depth] = end
		stack = append(stack, openNode{childStart: x + self, end: end, kept: kept})
		return nil
	}
	closeTop := func() error {
		depth := len(stack) - 1
		stack = stack[:depth]
		if group := other.take(depth); group != nil {
			return emit(depth+1, group)
		}
		return nil
	}

	root := cursors[0].peek()
	dx, total, self, err := w.read(root)
	if err == nil {
		err = take(0, dx, total, self, root)
	}
	if err != nil {
		return 0, unreadable("level 0, node 0: %v", err)
	}

	for steps := 1; len(stack) > 0; steps++ {
		if steps%cancelCheckEvery == 0 && w.ctx != nil && w.ctx.Err() != nil {
			return 0, w.ctx.Err()
		}
		depth := len(stack) // depth of the next child of the top node
		top := stack[depth-1]
		if depth < depthCount {
			i := cursors[depth].index()
			if group := cursors[depth].peek(); group != nil {
				dx, total, self, err := w.read(group)
				if err != nil {
					return 0, unreadable("level %d, node %d: %v", depth, i, err)
				}
				x, ok := addNonNegative(xEnd[depth], dx)
				if !ok {
					return 0, unreadable("level %d, node %d: positions overflow", depth, i)
				}
				if x < top.end {
					if x < top.childStart {
						return 0, unreadable("level %d, node %d lies outside every parent", depth, i)
					}
					if err := take(depth, x, total, self, group); err != nil {
						return 0, unreadable("level %d, node %d: %v", depth, i, err)
					}
					continue
				}
			}
		}
		if err := closeTop(); err != nil {
			return 0, err
		}
	}

	for d := range cursors {
		if left := cursors[d].left(); left > 0 {
			return 0, unreadable("%d nodes of level %d lie outside every parent", left, d)
		}
	}
	return row, nil
}

// addNonNegative adds two non-negative int64s, reporting overflow.
func addNonNegative(a, b int64) (int64, bool) {
	if a < 0 || b < 0 || a > math.MaxInt64-b {
		return 0, false
	}
	return a + b, true
}

// checkNode holds the rules every node obeys on its own.
func checkNode(xDelta, total, self int64) error {
	switch {
	case xDelta < 0:
		return fmt.Errorf("negative offset %d", xDelta)
	case total < 0:
		return fmt.Errorf("negative total %d", total)
	case self < 0:
		return fmt.Errorf("negative self %d", self)
	case self > total:
		return fmt.Errorf("self %d is larger than total %d", self, total)
	}
	return nil
}
