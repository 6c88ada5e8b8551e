package frames

import querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

func countGroups(levels []*querierv1.Level, width int) int {
	n := 0
	for _, l := range levels {
		n += len(l.GetValues()) / width
	}
	return n
}
