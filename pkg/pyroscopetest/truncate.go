package pyroscopetest

import (
	"container/heap"
	"slices"
)

// minNodeValue is Pyroscope's cut-off for maxNodes: the maxNodes-th largest
// node total. Nodes below it are merged into "other" nodes, so maxNodes bounds
// the kept nodes only roughly (ties and the "other" nodes add some).
func minNodeValue(root *node, maxNodes int64) int64 {
	if maxNodes <= 0 {
		return 0
	}
	h := &int64Heap{}
	queue := slices.Clone(root.children)
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if int64(h.Len()) < maxNodes {
			heap.Push(h, n.total)
		} else if n.total >= (*h)[0] {
			heap.Pop(h)
			heap.Push(h, n.total)
		}
		queue = append(queue, n.children...)
	}
	if int64(h.Len()) < maxNodes {
		return 0
	}
	return (*h)[0]
}

// keptChildren returns the children at or above minValue, plus one "other"
// node holding the rest, last.
func keptChildren(n *node, minValue int64) []*node {
	kept := make([]*node, 0, len(n.children))
	var other int64
	for _, c := range n.children {
		if c.total >= minValue && c.name != "other" {
			kept = append(kept, c)
		} else {
			other += c.total
		}
	}
	if other != 0 {
		kept = append(kept, &node{name: "other", self: other, total: other})
	}
	return kept
}

type int64Heap []int64

func (h int64Heap) Len() int           { return len(h) }
func (h int64Heap) Less(i, j int) bool { return h[i] < h[j] }
func (h int64Heap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *int64Heap) Push(x any)        { *h = append(*h, x.(int64)) }
func (h *int64Heap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}
