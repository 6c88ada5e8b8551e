package plugin

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/models"
)

// linkSeriesToFlameGraphs gives each series a data link to the flame graph of
// the query's time range under the same selector plus the series' own labels:
// a group-by series opens the flame graph of its group. The frontend gives the
// link its range and adds one per step (src/datasource/seriesLinks.ts), since
// the SDK cannot write a link's range the way Grafana reads it.
func (d *Datasource) linkSeriesToFlameGraphs(fs data.Frames, q models.Query, pt models.ProfileType) {
	if d.uid == "" {
		return
	}
	for _, f := range fs {
		if f == nil || f.Name == "exemplar" || len(f.Fields) < 2 {
			continue
		}
		value := f.Fields[1]
		if value.Config == nil {
			value.Config = &data.FieldConfig{}
		}
		value.Config.Links = append(value.Config.Links, data.DataLink{
			Title: "Flame graph of this range",
			Internal: &data.InternalDataLink{
				DatasourceUID: d.uid,
				Query: map[string]any{
					"refId":         "flamegraph",
					"queryType":     string(models.QueryTypeProfile),
					"profileTypeId": pt.ID,
					"labelSelector": withLabels(q.LabelSelector, value.Labels),
				},
			},
		})
	}
}

var plainLabelName = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)

// withLabels adds an exact matcher per label to a selector, e.g.
// {service_name="a"} + region=eu → {service_name="a", region="eu"}.
func withLabels(selector string, labels data.Labels) string {
	inner := strings.TrimSpace(selector)
	inner = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(inner, "{"), "}"))
	names := make([]string, 0, len(labels))
	for k := range labels {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := []string{}
	if inner != "" {
		parts = append(parts, inner)
	}
	for _, k := range names {
		name := k
		if !plainLabelName.MatchString(k) {
			name = strconv.Quote(k)
		}
		parts = append(parts, name+"="+strconv.Quote(labels[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
