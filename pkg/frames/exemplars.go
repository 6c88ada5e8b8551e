package frames

import (
	"sort"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
)

// ExemplarFrameName and the annotations data topic are how Grafana's time
// series panel and Explore find exemplars among a response's frames.
const ExemplarFrameName = "exemplar"

// ProfileIDField holds each exemplar's profile id (a UUID).
const ProfileIDField = "profileId"

// Exemplars gathers the exemplars SelectSeries put on its points (at most one
// per point: the point's largest profile) into one frame: Time (when the
// profile was captured), Value (the profile's total on the series' scale, so
// the marker sits among the points), profileId, and the profile's own labels
// (not the internal `__` ones). It is nil when there are none, as from a
// Pyroscope that does not know exemplars.
func Exemplars(series []*typesv1.Series, rule SeriesRule, stepSeconds float64) *data.Frame {
	type row struct {
		at        time.Time
		value     float64
		profileID string
		labels    map[string]string
	}
	scale := seriesScale(rule, stepSeconds)
	var rows []row
	names := map[string]bool{}
	for _, s := range series {
		for _, p := range s.GetPoints() {
			for _, e := range p.GetExemplars() {
				r := row{at: time.UnixMilli(e.Timestamp).UTC(), value: float64(e.Value) / scale, profileID: e.ProfileId, labels: map[string]string{}}
				// The series' labels are not repeated on its exemplars; add them back.
				for _, l := range append(append([]*typesv1.LabelPair{}, s.Labels...), e.Labels...) {
					if l != nil && !strings.HasPrefix(l.Name, "__") {
						r.labels[l.Name] = l.Value
						names[l.Name] = true
					}
				}
				rows = append(rows, r)
			}
		}
	}
	if len(rows) == 0 {
		return nil
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].at.Before(rows[j].at) })
	times := make([]time.Time, len(rows))
	values := make([]float64, len(rows))
	ids := make([]string, len(rows))
	for i, r := range rows {
		times[i], values[i], ids[i] = r.at, r.value, r.profileID
	}
	frame := data.NewFrame(ExemplarFrameName,
		data.NewField("Time", nil, times),
		data.NewField("Value", nil, values).SetConfig(&data.FieldConfig{Unit: rule.Unit}),
		data.NewField(ProfileIDField, nil, ids).SetConfig(&data.FieldConfig{DisplayName: "Profile ID"}),
	)
	for _, name := range sortedNames(names) {
		col := make([]string, len(rows))
		for i, r := range rows {
			col[i] = r.labels[name]
		}
		frame.Fields = append(frame.Fields, data.NewField(name, nil, col))
	}
	frame.Meta = &data.FrameMeta{DataTopic: data.DataTopicAnnotations}
	return frame
}

func sortedNames(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
