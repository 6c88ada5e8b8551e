package frames

import (
	"fmt"
	"math/rand/v2"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// syntheticTree is a generated call tree in pre-order, for benchmarks: deep
// call chains and wide fan-outs (near-critical branching, so subtree sizes are
// heavy-tailed like real profiles), names repeated from a pool.
type syntheticTree struct {
	parent      []int32
	depth       []int32
	name        []int32
	selfL       []int64
	selfR       []int64
	names       []string
	levelsCount int
}

const syntheticMaxDepth = 100

func generateTree(nodes int, seed uint64) *syntheticTree {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pool := max(1000, nodes/50)
	t := &syntheticTree{names: make([]string, pool+1)}
	t.names[0] = "total"
	for i := 1; i <= pool; i++ {
		t.names[i] = fmt.Sprintf("github.com/acme/service/internal/pkg%03d.(*Handler%d).Method%d", i%317, i%53, i)
	}
	type open struct {
		index     int32
		remaining int
	}
	add := func(parent int32, depth int32) int32 {
		t.parent = append(t.parent, parent)
		t.depth = append(t.depth, depth)
		t.name = append(t.name, int32(1+rng.IntN(pool)))
		t.selfL = append(t.selfL, 0)
		t.selfR = append(t.selfR, 0)
		return int32(len(t.parent) - 1)
	}
	add(-1, 0)
	t.name[0] = 0
	stack := []open{{0, nodes}} // the root takes children until the budget is spent
	for len(t.parent) < nodes {
		top := &stack[len(stack)-1]
		if top.remaining == 0 {
			stack = stack[:len(stack)-1]
			continue
		}
		top.remaining--
		depth := t.depth[top.index] + 1
		child := add(top.index, depth)
		kids := 0
		if depth < syntheticMaxDepth {
			switch r := rng.Float64(); {
			case r < 0.42:
			case r < 0.82:
				kids = 1
			case r < 0.96:
				kids = 2 + rng.IntN(2)
			default:
				kids = 4 + rng.IntN(5)
			}
		}
		if kids == 0 || rng.Float64() < 0.3 {
			t.selfL[child] = int64(1+rng.IntN(1000)) * 10_000_000
			// The right side grows, shrinks, or lacks the node altogether.
			if rng.Float64() < 0.9 {
				t.selfR[child] = t.selfL[child] * int64(rng.IntN(3)) / 2
			}
		}
		if kids > 0 {
			stack = append(stack, open{child, kids})
		}
		t.levelsCount = max(t.levelsCount, int(depth)+1)
	}
	// Nodes whose children the budget cut off become leaves with samples:
	// Pyroscope never sends a node without any.
	hasChild := make([]bool, len(t.parent))
	for _, p := range t.parent[1:] {
		hasChild[p] = true
	}
	for i := range t.parent {
		if !hasChild[i] && t.selfL[i] == 0 {
			t.selfL[i] = 10_000_000
		}
	}
	return t
}

// levels encodes one side (or both, for a diff) the way Pyroscope does.
func (t *syntheticTree) levels(diff bool) []*querierv1.Level {
	totalL := append([]int64(nil), t.selfL...)
	totalR := append([]int64(nil), t.selfR...)
	for i := len(t.parent) - 1; i > 0; i-- {
		totalL[t.parent[i]] += totalL[i]
		totalR[t.parent[i]] += totalR[i]
	}
	xL, xR := make([]int64, len(t.parent)), make([]int64, len(t.parent))
	nextL, nextR := make([]int64, len(t.parent)), make([]int64, len(t.parent))
	prevEndL, prevEndR := make([]int64, t.levelsCount), make([]int64, t.levelsCount)
	levels := make([]*querierv1.Level, t.levelsCount)
	for d := range levels {
		levels[d] = &querierv1.Level{}
	}
	for i := range t.parent {
		if p := t.parent[i]; p >= 0 {
			xL[i], xR[i] = nextL[p], nextR[p]
			nextL[p] += totalL[i]
			nextR[p] += totalR[i]
		}
		nextL[i], nextR[i] = xL[i]+t.selfL[i], xR[i]+t.selfR[i]
		d := t.depth[i]
		l := levels[d]
		if diff {
			l.Values = append(l.Values, xL[i]-prevEndL[d], totalL[i], t.selfL[i], xR[i]-prevEndR[d], totalR[i], t.selfR[i], int64(t.name[i]))
		} else {
			l.Values = append(l.Values, xL[i]-prevEndL[d], totalL[i], t.selfL[i], int64(t.name[i]))
		}
		prevEndL[d], prevEndR[d] = xL[i]+totalL[i], xR[i]+totalR[i]
	}
	return levels
}

func syntheticFlameGraph(nodes int) *querierv1.FlameGraph {
	t := generateTree(nodes, 42)
	levels := t.levels(false)
	return &querierv1.FlameGraph{Names: t.names, Levels: levels, Total: levels[0].Values[1]}
}

func syntheticDiff(nodes int) *querierv1.FlameGraphDiff {
	t := generateTree(nodes, 42)
	levels := t.levels(true)
	return &querierv1.FlameGraphDiff{Names: t.names, Levels: levels, LeftTicks: levels[0].Values[1], RightTicks: levels[0].Values[4]}
}

func syntheticFrom(t *syntheticTree) *querierv1.FlameGraph {
	return &querierv1.FlameGraph{Names: t.names, Levels: t.levels(false)}
}

func syntheticDiffFrom(t *syntheticTree) *querierv1.FlameGraphDiff {
	return &querierv1.FlameGraphDiff{Names: t.names, Levels: t.levels(true)}
}
