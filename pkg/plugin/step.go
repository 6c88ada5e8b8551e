package plugin

import (
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// maxPointsPerSeries keeps a series bounded whatever the range (Grafana's own
// limit on points per series is 11,000).
const maxPointsPerSeries = 11000

// seriesStep is the step sent to Pyroscope: the panel's interval, never below
// the data source's min step, and coarse enough that a series has at most
// maxPointsPerSeries points. Whole seconds, as Pyroscope steps are.
func seriesStep(interval, minStep time.Duration, tr backend.TimeRange) time.Duration {
	step := max(interval, minStep, tr.Duration()/maxPointsPerSeries)
	if rounded := step.Truncate(time.Second); rounded < step {
		step = rounded + time.Second
	}
	return max(step, time.Second)
}
