package frames

import (
	"strings"

	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

// SeriesRule says how the time series of one profile type is asked for and
// shown. Pyroscope sums samples per step, so cumulative types read best as a
// per-second rate, while instant types (a snapshot of what is held right now)
// are averaged per step and never divided.
type SeriesRule struct {
	Aggregation typesv1.TimeSeriesAggregationType
	PerSecond   bool    // divide each point by the step in seconds
	Divisor     float64 // extra divisor after the rate (1e9 for cpu nanoseconds → cores), 1 otherwise
	Unit        string  // Grafana unit of the resulting values
}

// coresUnit is Grafana's custom-unit syntax ("suffix:<text>"): Grafana has no
// "cores" unit, and this prints "1.5 cores" without scaling it like a duration.
const coresUnit = "suffix:cores"

// RuleFor is THE rate rule, used for every series the backend returns.
func RuleFor(sampleType, sampleUnit string) SeriesRule {
	if isInstant(sampleType) {
		return SeriesRule{
			Aggregation: typesv1.TimeSeriesAggregationType_TIME_SERIES_AGGREGATION_TYPE_AVERAGE,
			Divisor:     1,
			Unit:        GrafanaUnit(sampleUnit),
		}
	}
	rule := SeriesRule{
		Aggregation: typesv1.TimeSeriesAggregationType_TIME_SERIES_AGGREGATION_TYPE_SUM,
		PerSecond:   true,
		Divisor:     1,
		Unit:        perSecondUnit(sampleUnit),
	}
	if sampleType == "cpu" && sampleUnit == "nanoseconds" {
		// CPU nanoseconds per second of wall clock are cores in use.
		rule.Divisor = 1e9
		rule.Unit = coresUnit
	}
	return rule
}

// isInstant reports the sample types that describe a moment (memory in use,
// live goroutines) rather than something that accumulates over time.
func isInstant(sampleType string) bool {
	return strings.HasPrefix(sampleType, "inuse_") || sampleType == "goroutine" || sampleType == "goroutines"
}

// timePerSecond are the SI-scaled rate units of time per second (mutex/block
// delay, wall time): Grafana's "si:" syntax scales the prefix, so 12e6 ns/s
// reads "12 ms/s", a rate, where a bare "ns" would read as a duration.
var timePerSecond = map[string]string{
	"nanoseconds":  "si:ns/s",
	"microseconds": "si:µs/s",
	"milliseconds": "si:ms/s",
	"seconds":      "si:s/s",
}

// perSecondUnit is the Grafana unit of a per-second rate of sampleUnit.
func perSecondUnit(sampleUnit string) string {
	if unit, ok := timePerSecond[sampleUnit]; ok {
		return unit
	}
	switch sampleUnit {
	case "bytes":
		return "Bps"
	case "count", "":
		return "cps"
	default:
		return "suffix:" + sampleUnit + "/s"
	}
}
