package pyroscopetest

import (
	"context"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// diffNode is a node of two trees laid over each other; a node missing on
// one side has zeros there.
type diffNode struct {
	name                         string
	selfL, totalL, selfR, totalR int64
	children                     []*diffNode
}

// combine merges two name-sorted trees into one.
func combine(l, r *node) *diffNode {
	d := &diffNode{}
	if l != nil {
		d.name, d.selfL, d.totalL = l.name, l.self, l.total
	}
	if r != nil {
		d.name, d.selfR, d.totalR = r.name, r.self, r.total
	}
	var lc, rc []*node
	if l != nil {
		lc = l.children
	}
	if r != nil {
		rc = r.children
	}
	for len(lc) > 0 || len(rc) > 0 {
		switch {
		case len(rc) == 0 || len(lc) > 0 && lc[0].name < rc[0].name:
			d.children = append(d.children, combine(lc[0], nil))
			lc = lc[1:]
		case len(lc) == 0 || rc[0].name < lc[0].name:
			d.children = append(d.children, combine(nil, rc[0]))
			rc = rc[1:]
		default:
			d.children = append(d.children, combine(lc[0], rc[0]))
			lc, rc = lc[1:], rc[1:]
		}
	}
	return d
}

func (q *querier) Diff(ctx context.Context, req *connect.Request[querierv1.DiffRequest]) (*connect.Response[querierv1.DiffResponse], error) {
	if req.Msg.Left == nil || req.Msg.Right == nil {
		return nil, invalidArgument("left and right queries are required")
	}
	left, maxNodes, err := q.s.mergeQuery(ctx, req.Msg.Left)
	if err != nil {
		return nil, err
	}
	right, _, err := q.s.mergeQuery(ctx, req.Msg.Right)
	if err != nil {
		return nil, err
	}
	root := combine(left, right)
	root.name = "total"
	e := diffEncoder{minValue: diffMinValue(root, maxNodes), names: levelEncoder{nameIndex: map[string]int64{}}}
	e.walk(root, 0, 0, 0)
	fg := &querierv1.FlameGraphDiff{
		Names: e.names.names, Total: root.totalL + root.totalR, MaxSelf: e.maxSelf,
		LeftTicks: root.totalL, RightTicks: root.totalR,
	}
	for _, vals := range e.levels {
		fg.Levels = append(fg.Levels, &querierv1.Level{Values: vals})
	}
	return connect.NewResponse(&querierv1.DiffResponse{Flamegraph: fg}), nil
}

// diffMinValue is Pyroscope's diff cut-off: minNodeValue over the larger
// side of each node; a node stays when either side reaches it.
func diffMinValue(root *diffNode, maxNodes int64) int64 {
	var toTree func(d *diffNode) *node
	toTree = func(d *diffNode) *node {
		n := &node{total: max(d.totalL, d.totalR)}
		for _, c := range d.children {
			n.children = append(n.children, toTree(c))
		}
		return n
	}
	return minNodeValue(toTree(root), maxNodes)
}

// diffEncoder writes groups of 7: [xDeltaL, totalL, selfL, xDeltaR, totalR,
// selfR, nameIndex]; each side advances with its own deltas and totals.
type diffEncoder struct {
	minValue   int64
	names      levelEncoder
	levels     [][]int64
	endL, endR []int64
	maxSelf    int64
}

func (e *diffEncoder) walk(n *diffNode, depth int, xl, xr int64) {
	if depth == len(e.levels) {
		e.levels = append(e.levels, nil)
		e.endL = append(e.endL, 0)
		e.endR = append(e.endR, 0)
	}
	e.levels[depth] = append(e.levels[depth], xl-e.endL[depth], n.totalL, n.selfL,
		xr-e.endR[depth], n.totalR, n.selfR, e.names.name(n.name))
	e.endL[depth], e.endR[depth] = xl+n.totalL, xr+n.totalR
	e.maxSelf = max(e.maxSelf, n.selfL, n.selfR)
	xl, xr = xl+n.selfL, xr+n.selfR
	other := &diffNode{name: "other"}
	for _, c := range n.children {
		if max(c.totalL, c.totalR) >= e.minValue && c.name != "other" {
			e.walk(c, depth+1, xl, xr)
			xl, xr = xl+c.totalL, xr+c.totalR
			continue
		}
		other.selfL += c.totalL
		other.selfR += c.totalR
	}
	if other.selfL != 0 || other.selfR != 0 {
		other.totalL, other.totalR = other.selfL, other.selfR
		e.walk(other, depth+1, xl, xr)
	}
}
