package pyroscopetest

import "sort"

// node is one call-tree node of a merged profile. The root has no name.
type node struct {
	name        string
	self, total int64
	children    []*node
	byName      map[string]*node
}

func newTree() *node { return &node{} }

func (n *node) child(name string) *node {
	if c := n.byName[name]; c != nil {
		return c
	}
	if n.byName == nil {
		n.byName = map[string]*node{}
	}
	c := &node{name: name}
	n.byName[name] = c
	n.children = append(n.children, c)
	return c
}

// add merges one stack (root first) with its value into the tree.
func (n *node) add(stack []string, value int64) {
	if value == 0 {
		return
	}
	n.total += value
	cur := n
	for _, name := range stack {
		cur = cur.child(name)
		cur.total += value
	}
	cur.self += value
}

// sortChildren orders siblings by name, as the server lays them out.
func (n *node) sortChildren() {
	sort.Slice(n.children, func(i, j int) bool { return n.children[i].name < n.children[j].name })
	for _, c := range n.children {
		c.sortChildren()
	}
}

// mergeTree builds the call tree of the selected series for one profile type.
func mergeTree(refs []seriesRef) *node {
	root := newTree()
	for _, r := range refs {
		for _, smp := range r.group.samples {
			root.add(smp.stack, smp.values[r.typeIndex])
		}
	}
	root.sortChildren()
	return root
}
