package frames

import (
	"fmt"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// FrameName is the name of every flame graph frame, plain or diff.
const FrameName = "flamegraph"

// PanelPluginID is the panel Explore should draw flame graph frames with.
const PanelPluginID = "embers-flamegraph-panel"

// NoDataNotice is shown when a flame graph holds nothing but its root.
const NoDataNotice = "No profile data in this range for this profile type and label selector."

// flameColumns are the nested-set columns shared by plain and diff frames.
type flameColumns struct {
	level column[int64]
	value column[int64]
	self  column[int64]
	label *labelColumn
}

func newFlameColumns(rows int, names nameList) *flameColumns {
	return &flameColumns{
		level: int64Column("level", rows),
		value: int64Column("value", rows),
		self:  int64Column("self", rows),
		label: newLabelColumn(names, rows),
	}
}

func (c *flameColumns) set(row, depth int, value, self, nameIndex int64) error {
	c.level.values[row] = int64(depth)
	c.value.values[row] = value
	c.self.values[row] = self
	return c.label.set(row, nameIndex)
}

// fields returns level, value, self and label, cut to the rows written.
func (c *flameColumns) fields(rows int, unit string) []*data.Field {
	return []*data.Field{
		c.level.done(rows),
		valueField(c.value, rows, unit),
		valueField(c.self, rows, unit),
		c.label.field(rows),
	}
}

func int64Column(name string, rows int) column[int64] {
	return newColumn[int64](name, data.FieldTypeInt64, rows)
}

func valueField(c column[int64], rows int, unit string) *data.Field {
	return c.done(rows).SetConfig(&data.FieldConfig{Unit: unit})
}

// newFlameFrame wraps the fields in the frame Explore and our panel recognise,
// with a notice when there is nothing below the root.
func newFlameFrame(rows int, fields ...*data.Field) *data.Frame {
	frame := data.NewFrame(FrameName, fields...)
	frame.Meta = &data.FrameMeta{
		PreferredVisualization:         data.VisTypeFlameGraph,
		PreferredVisualizationPluginID: PanelPluginID,
	}
	if rows <= 1 {
		frame.AppendNotices(data.Notice{Severity: data.NoticeSeverityInfo, Text: NoDataNotice})
	}
	return frame
}

// rowsFor is how many rows the columns need: every node, or maxNodes when
// the excess is folded.
func rowsFor(n int, fold *folding, maxNodes int64) int {
	if fold != nil {
		return int(maxNodes)
	}
	return n
}

// noteBounds says when the frame is not the whole answer: nodes folded into
// "other", or a total with no nodes to show it.
func noteBounds(frame *data.Frame, nodes, rows int, fold *folding, total int64) {
	if fold != nil {
		frame.AppendNotices(data.Notice{Severity: data.NoticeSeverityInfo, Text: fmt.Sprintf(
			"Pyroscope sent %d nodes, more than max nodes allows: the smallest were folded into %q to keep %d.", nodes, OtherName, rows)})
	}
	if rows == 0 && total > 0 {
		frame.AppendNotices(data.Notice{Severity: data.NoticeSeverityWarning, Text: fmt.Sprintf(
			"Pyroscope reported %d samples in total but sent no flame graph nodes: the answer is incomplete. Try again; if it persists, check the server's logs.", total)})
	}
}
