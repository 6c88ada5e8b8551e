package pyroscopetest

import (
	"strings"

	googlev1 "github.com/grafana/pyroscope/api/gen/proto/go/google/v1"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// decodedNode is one node decoded from levels by the rules of the design
// (absolute x, parent found by half-open range after the parent's self).
type decodedNode struct {
	path           string
	x, total, self int64
	selfL, selfR   int64
}

// stackSelf decodes a flame graph's levels into self per root-to-leaf stack
// (names joined by ";"), independent of sibling order.
func stackSelf(fg *querierv1.FlameGraph) map[string]int64 {
	out := map[string]int64{}
	for _, n := range decodeLevels(fg.Names, fg.Levels, 4) {
		if n.self != 0 {
			out[n.path] += n.self
		}
	}
	return out
}

// diffStackSelf is stackSelf for each side of a diff flame graph.
func diffStackSelf(fg *querierv1.FlameGraphDiff) (left, right map[string]int64) {
	left, right = map[string]int64{}, map[string]int64{}
	for _, n := range decodeLevels(fg.Names, fg.Levels, 7) {
		if n.selfL != 0 {
			left[n.path] += n.selfL
		}
		if n.selfR != 0 {
			right[n.path] += n.selfR
		}
	}
	return left, right
}

func decodeLevels(names []string, levels []*querierv1.Level, group int) []decodedNode {
	var all, parents []decodedNode
	for depth, lvl := range levels {
		var cur []decodedNode
		var endL, endR int64
		v := lvl.Values
		for i := 0; i+group <= len(v); i += group {
			n := decodedNode{}
			if group == 4 {
				n.x = endL + v[i]
				n.total, n.self, n.selfL = v[i+1], v[i+2], v[i+2]
				endL = n.x + n.total
			} else {
				xl, xr := endL+v[i], endR+v[i+3]
				endL, endR = xl+v[i+1], xr+v[i+4]
				n.x, n.total = xl+xr, v[i+1]+v[i+4]
				n.selfL, n.selfR = v[i+2], v[i+5]
				n.self = n.selfL + n.selfR
			}
			name := names[v[i+group-1]]
			if depth > 0 {
				for _, p := range parents {
					if p.x+p.self <= n.x && n.x < p.x+p.total {
						n.path = strings.TrimPrefix(p.path+";"+name, ";")
						break
					}
				}
			}
			cur = append(cur, n)
		}
		all = append(all, cur...)
		parents = cur
	}
	return all
}

// pprofStackSelf sums a pprof profile's first value per stack of function
// names (root first, inlined frames expanded), like stackSelf.
func pprofStackSelf(p *googlev1.Profile) map[string]int64 {
	funcs := map[uint64]string{}
	for _, f := range p.Function {
		funcs[f.Id] = p.StringTable[f.Name]
	}
	locs := map[uint64][]string{}
	for _, l := range p.Location {
		for i := len(l.Line) - 1; i >= 0; i-- {
			locs[l.Id] = append(locs[l.Id], funcs[l.Line[i].FunctionId])
		}
	}
	out := map[string]int64{}
	for _, smp := range p.Sample {
		var names []string
		for i := len(smp.LocationId) - 1; i >= 0; i-- {
			names = append(names, locs[smp.LocationId[i]]...)
		}
		out[strings.Join(names, ";")] += smp.Value[0]
	}
	return out
}
