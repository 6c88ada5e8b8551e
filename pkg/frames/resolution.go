package frames

import (
	"math"
	"slices"
	"time"

	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

// maxUploadPeriod bounds what counts as an upload period: SDKs and eBPF send
// every 10–60 s, so a longer silence is data missing, not the data's rhythm.
const maxUploadPeriod = 2 * time.Minute

// UploadPeriod reads the data's own period from an answer asked at step: the
// median spacing of consecutive non-empty points (Pyroscope leaves empty steps
// out). A step shorter than the period leaves most steps empty and puts one
// upload's samples in a step that covers only part of them. Zero when the
// answer can't tell (fewer than two points) or shows no gap wider than step.
func UploadPeriod(series []*typesv1.Series, step time.Duration) time.Duration {
	var gaps []int64
	for _, s := range series {
		if s == nil {
			continue
		}
		last := int64(math.MinInt64)
		for _, p := range s.Points {
			if p == nil || p.Value == 0 {
				continue
			}
			if last != math.MinInt64 {
				if gap := p.Timestamp - last; gap > 0 && gap <= maxUploadPeriod.Milliseconds() {
					gaps = append(gaps, gap)
				}
			}
			last = p.Timestamp
		}
	}
	if len(gaps) == 0 {
		return 0
	}
	slices.Sort(gaps)
	period := time.Duration(gaps[len(gaps)/2]) * time.Millisecond
	if period <= step {
		return 0
	}
	return period
}

// Resolution is how an answer's points become the frame's points.
type Resolution struct {
	Queried time.Duration // step sent to Pyroscope
	Step    time.Duration // step of the frame's points, a multiple of Queried
	Period  time.Duration // the data's upload period read from the answer, 0 if none showed
}

// ResolutionFor widens the panel's step to the data's upload period, in
// whole multiples of the queried step, so that no frame step is shorter than
// the time one upload covers.
func ResolutionFor(queried, panel, period time.Duration) Resolution {
	want := max(panel, period, queried)
	if queried <= 0 {
		return Resolution{Queried: queried, Step: want, Period: period}
	}
	n := (want + queried - 1) / queried
	return Resolution{Queried: queried, Step: n * queried, Period: period}
}

// Rebucket merges the points of each series into steps of res.Step aligned on
// start, each stamped with its right edge as Pyroscope stamps points: the
// point at start, which holds (start − queried step, start], stays alone in its
// step. Cumulative samples add up; instants (rule.PerSecond false) become the
// mean of the non-empty points in the step, whatever aggregation the server
// applied within one queried step.
func Rebucket(series []*typesv1.Series, rule SeriesRule, start time.Time, res Resolution) []*typesv1.Series {
	if res.Step <= res.Queried || res.Step <= 0 {
		return series
	}
	step := res.Step.Milliseconds()
	origin := start.UnixMilli()
	out := make([]*typesv1.Series, 0, len(series))
	for _, s := range series {
		if s == nil {
			continue
		}
		var points []*typesv1.Point
		var count int
		for _, p := range s.Points {
			if p == nil {
				continue
			}
			edge := origin + ceilDiv(p.Timestamp-origin, step)*step
			if n := len(points); n > 0 && points[n-1].Timestamp == edge {
				points[n-1].Value += p.Value
				if p.Value != 0 {
					count++
				}
				continue
			}
			points = closeBucket(points, count, rule)
			points = append(points, &typesv1.Point{Timestamp: edge, Value: p.Value})
			count = 0
			if p.Value != 0 {
				count = 1
			}
		}
		points = closeBucket(points, count, rule)
		out = append(out, &typesv1.Series{Labels: s.Labels, Points: points})
	}
	return out
}

// closeBucket turns the last bucket's sum into a mean for instant types.
func closeBucket(points []*typesv1.Point, count int, rule SeriesRule) []*typesv1.Point {
	if n := len(points); n > 0 && !rule.PerSecond && count > 1 {
		points[n-1].Value /= float64(count)
	}
	return points
}

// ceilDiv is a/b rounded towards +∞ for b > 0.
func ceilDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a > 0 {
		q++
	}
	return q
}
