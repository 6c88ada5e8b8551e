package frames

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

// Series turns SelectSeries' answer into one frame per series: a `time` field
// and a value field named valueName carrying the series labels. Frames are
// typed timeseries-multi so alert rules can reduce them. Values go through
// rule (rate and divisor); a non-positive stepSeconds leaves them un-rated
// rather than dividing by zero.
func Series(series []*typesv1.Series, valueName string, rule SeriesRule, stepSeconds float64) data.Frames {
	frames := make(data.Frames, 0, len(series))
	scale := seriesScale(rule, stepSeconds)
	for _, s := range series {
		if s == nil {
			continue
		}
		frames = append(frames, seriesFrame(s, valueName, rule.Unit, scale, stepSeconds))
	}
	return frames
}

// seriesScale is the single factor each raw point is divided by.
func seriesScale(rule SeriesRule, stepSeconds float64) float64 {
	scale := 1.0
	if rule.PerSecond && stepSeconds > 0 {
		scale = stepSeconds
	}
	if rule.Divisor > 0 {
		scale *= rule.Divisor
	}
	return scale
}

func seriesFrame(s *typesv1.Series, valueName, unit string, scale, stepSeconds float64) *data.Frame {
	times := make([]time.Time, 0, len(s.Points))
	values := make([]float64, 0, len(s.Points))
	for _, p := range s.Points {
		if p == nil {
			continue
		}
		times = append(times, time.UnixMilli(p.Timestamp).UTC())
		values = append(values, p.Value/scale)
	}
	labels := seriesLabels(s.Labels)

	timeField := data.NewField("time", nil, times)
	if stepSeconds > 0 {
		// The step lets Grafana tell a gap from the next point.
		timeField.SetConfig(&data.FieldConfig{Interval: stepSeconds * 1000})
	}
	valueField := data.NewField(valueName, labels, values).SetConfig(&data.FieldConfig{Unit: unit})

	frame := data.NewFrame(labelsName(s.Labels), timeField, valueField)
	frame.Meta = &data.FrameMeta{Type: data.FrameTypeTimeSeriesMulti, TypeVersion: data.FrameTypeVersion{0, 1}}
	return frame
}

func seriesLabels(pairs []*typesv1.LabelPair) data.Labels {
	if len(pairs) == 0 {
		return nil
	}
	labels := make(data.Labels, len(pairs))
	for _, p := range pairs {
		if p != nil {
			labels[p.Name] = p.Value
		}
	}
	return labels
}

// labelsName formats labels the way Prometheus-style selectors read:
// {region="eu", service_name="app"}, sorted by name so names are stable.
func labelsName(pairs []*typesv1.LabelPair) string {
	sorted := make([]*typesv1.LabelPair, 0, len(pairs))
	for _, p := range pairs {
		if p != nil {
			sorted = append(sorted, p)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	var b strings.Builder
	b.WriteByte('{')
	for i, p := range sorted {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(strconv.Quote(p.Value))
	}
	b.WriteByte('}')
	return b.String()
}
