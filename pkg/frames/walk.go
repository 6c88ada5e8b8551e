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

// ahead is a level's next node, read once when the level's cursor moves:
// the walk looks at it on every step that might take it, and reading it
// early starts the memory load long before the walk needs the node.
type ahead struct {
	x, total, self int64
	group          []int64 // valid until the cursor moves again
	err            error   // why the node cannot be placed, reported when the walk reaches it
	ok             bool    // false past the level's last node
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
	r := runner{walk: w, cursors: newCursors(levels, width), next: make([]ahead, depthCount),
		stack: make([]openNode, 0, depthCount), other: newOtherSums(w.fold, depthCount, width)}
	for d := range r.next {
		r.readNext(d, 0)
	}
	if root := &r.next[0]; root.err != nil {
		return 0, unreadable("level 0, node 0: %v", root.err)
	}
	if err := r.take(0); err != nil {
		return 0, unreadable("level 0, node 0: %v", err)
	}

	for steps := 1; len(r.stack) > 0; steps++ {
		if steps%cancelCheckEvery == 0 && w.ctx != nil && w.ctx.Err() != nil {
			return 0, w.ctx.Err()
		}
		depth := len(r.stack) // depth of the next child of the top node
		if depth < depthCount {
			if n := &r.next[depth]; n.ok {
				if n.err != nil {
					return 0, unreadable("level %d, node %d: %v", depth, r.cursors[depth].index(), n.err)
				}
				if top := &r.stack[depth-1]; n.x < top.end {
					if n.x < top.childStart {
						return 0, unreadable("level %d, node %d lies outside every parent", depth, r.cursors[depth].index())
					}
					if err := r.take(depth); err != nil {
						// take fails before it moves the cursor, and the
						// index (a division) is worked out only here.
						return 0, unreadable("level %d, node %d: %v", depth, r.cursors[depth].index(), err)
					}
					continue
				}
			}
		}
		if err := r.closeTop(); err != nil {
			return 0, err
		}
	}

	for d := range r.cursors {
		if left := r.cursors[d].left(); left > 0 {
			return 0, unreadable("%d nodes of level %d lie outside every parent", left, d)
		}
	}
	return r.row, nil
}

// runner is one run's state.
type runner struct {
	*walk
	cursors []cursor
	next    []ahead
	stack   []openNode
	other   *otherSums
	row     int
}

// readNext reads the node the cursor of depth is on, placed after xEnd, the
// end of the level's previous node.
func (r *runner) readNext(depth int, xEnd int64) {
	n := &r.next[depth]
	c := &r.cursors[depth]
	group := c.peek()
	if group == nil {
		*n = ahead{}
		if c.bad { // the walk says so once it reaches the node
			n.ok, n.err = true, errBadVarint
		}
		return
	}
	var dx, total, self int64
	var err error
	if r.layout.single {
		// In line rather than through read: one call less per node.
		dx, total, self = group[0], group[1], group[2]
		if dx|total|self < 0 || self > total {
			err = checkNode(dx, total, self)
		}
	} else {
		dx, total, self, err = r.read(group)
	}
	x, ok := addNonNegative(xEnd, dx)
	if err == nil && !ok {
		err = errors.New("positions overflow")
	}
	*n = ahead{x: x, total: total, self: self, group: group, err: err, ok: true}
}

func (r *runner) emitRow(depth int, group []int64) error {
	if r.emit != nil {
		if err := r.emit(r.row, depth, group); err != nil {
			return err
		}
	}
	r.row++
	return nil
}

// take emits (or folds) the next node of depth and opens it.
func (r *runner) take(depth int) error {
	n := &r.next[depth]
	x, total, self := n.x, n.total, n.self
	end, ok := addNonNegative(x, total)
	if !ok {
		return errors.New("positions overflow")
	}
	if depth > 0 && end > r.stack[depth-1].end {
		return errors.New("the node runs past the end of its parent")
	}
	// keeps must see every node, in order, for its tie count.
	kept := r.fold.keeps(depth, total)
	if depth == 0 {
		kept = true
	} else if !r.stack[depth-1].kept {
		kept = false
	}
	switch {
	case kept:
		if err := r.emitRow(depth, n.group); err != nil {
			return err
		}
	case r.stack[depth-1].kept:
		r.other.add(depth-1, n.group, r.layout)
	}
	r.cursors[depth].advance()
	r.readNext(depth, end)
	r.stack = append(r.stack, openNode{childStart: x + self, end: end, kept: kept})
	return nil
}

func (r *runner) closeTop() error {
	depth := len(r.stack) - 1
	r.stack = r.stack[:depth]
	if group := r.other.take(depth); group != nil {
		return r.emitRow(depth+1, group)
	}
	return nil
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
