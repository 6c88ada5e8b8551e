package frames

import (
	"fmt"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// maxEnumNames is how many names an enum field can index (uint16 indices).
const maxEnumNames = 1 << 16

// labelColumn writes the `label` field. Names live once in the enum's text and
// rows hold indices; with more distinct names than an enum can index, rows hold
// the names themselves (the strings share memory with Pyroscope's names).
type labelColumn struct {
	names    nameList
	count    int64
	remap    []int32 // name index → enum index, when names had to be deduplicated
	enumText []string
	enum     []data.EnumItemIndex
	text     []string
}

func newLabelColumn(names nameList, rows int) *labelColumn {
	c := &labelColumn{names: names, count: int64(names.Len())}
	if names.Len() <= maxEnumNames {
		c.enumText = allNames(names)
		c.enum = borrowEnums(rows)
		return c
	}
	remap, distinct := dedupeNames(names)
	if len(distinct) <= maxEnumNames {
		c.remap, c.enumText = remap, distinct
		c.enum = borrowEnums(rows)
		return c
	}
	c.text = make([]string, rows)
	return c
}

// dedupeNames maps every name index to the index of its first occurrence in
// the returned list of distinct names.
func dedupeNames(names nameList) ([]int32, []string) {
	// Sized for the enum's limit, not the names: a million names often
	// repeat a few thousand.
	seen := make(map[string]int32, min(names.Len(), maxEnumNames))
	remap := make([]int32, names.Len())
	distinct := make([]string, 0, min(names.Len(), maxEnumNames))
	for i := range names.Len() {
		name := names.At(i)
		idx, ok := seen[name]
		if !ok {
			// distinct never holds more names than names does, and names came in
			// one protobuf message (under 2 GiB), so it has fewer than 2^31 names.
			idx = int32(len(distinct)) // #nosec G115 -- len(distinct) <= len(names) < 2^31
			seen[name] = idx
			distinct = append(distinct, name)
		}
		remap[i] = idx
	}
	return remap, distinct
}

func (c *labelColumn) set(row int, nameIndex int64) error {
	if nameIndex < 0 || nameIndex >= c.count {
		return fmt.Errorf("name index %d is outside the %d names sent", nameIndex, c.count)
	}
	switch {
	case c.text != nil:
		c.text[row] = c.names.At(int(nameIndex))
	// The enum branches run only when newLabelColumn found at most maxEnumNames
	// (1<<16) enum names, and the index was checked against names above: every
	// index fits a uint16 EnumItemIndex.
	case c.remap != nil:
		c.enum[row] = data.EnumItemIndex(c.remap[nameIndex]) // #nosec G115 -- remap values index enumText, at most 1<<16 names
	default:
		c.enum[row] = data.EnumItemIndex(nameIndex) // #nosec G115 -- 0 <= nameIndex < len(names) <= 1<<16
	}
	return nil
}

func (c *labelColumn) field(rows int) *data.Field {
	if c.text != nil {
		return data.NewField("label", nil, c.text[:rows])
	}
	text := c.enumText
	if text == nil {
		text = []string{} // the enum text is always a list, even with no rows
	}
	return data.NewField("label", nil, c.enum[:rows]).SetConfig(&data.FieldConfig{
		TypeConfig: &data.FieldTypeConfig{Enum: &data.EnumFieldConfig{Text: text}},
	})
}
