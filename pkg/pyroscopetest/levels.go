package pyroscopetest

import querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

// flameGraph encodes a tree as the server does: names[0] is "total", each
// level is groups of [xDelta, total, self, nameIndex] in x order, and a
// node's children start after its self.
func flameGraph(root *node, maxNodes int64) *querierv1.FlameGraph {
	root.name = "total"
	e := levelEncoder{minValue: minNodeValue(root, maxNodes), nameIndex: map[string]int64{}}
	e.walk(root, 0, 0)
	fg := &querierv1.FlameGraph{Names: e.names, Total: root.total, MaxSelf: e.maxSelf}
	for _, vals := range e.levels {
		fg.Levels = append(fg.Levels, &querierv1.Level{Values: vals})
	}
	return fg
}

type levelEncoder struct {
	minValue  int64
	names     []string
	nameIndex map[string]int64
	levels    [][]int64
	levelEnd  []int64 // x where the last node of each level ends
	maxSelf   int64
}

func (e *levelEncoder) name(n string) int64 {
	if i, ok := e.nameIndex[n]; ok {
		return i
	}
	i := int64(len(e.names))
	e.nameIndex[n] = i
	e.names = append(e.names, n)
	return i
}

// walk visits nodes in pre-order, which is x order within every level.
func (e *levelEncoder) walk(n *node, depth int, x int64) {
	if depth == len(e.levels) {
		e.levels = append(e.levels, nil)
		e.levelEnd = append(e.levelEnd, 0)
	}
	e.levels[depth] = append(e.levels[depth], x-e.levelEnd[depth], n.total, n.self, e.name(n.name))
	e.levelEnd[depth] = x + n.total
	e.maxSelf = max(e.maxSelf, n.self)
	x += n.self
	for _, c := range keptChildren(n, e.minValue) {
		e.walk(c, depth+1, x)
		x += c.total
	}
}
