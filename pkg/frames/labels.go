package frames

import (
	"fmt"
	"hash/maphash"

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
	remap    []data.EnumItemIndex // name index → enum index, when names had to be deduplicated
	enumText []string
	enum     column[data.EnumItemIndex]
	text     column[string]
	asText   bool // more distinct names than an enum can index
}

func newLabelColumn(names nameList, rows int) *labelColumn {
	c := &labelColumn{names: names, count: int64(names.Len())}
	if names.Len() <= maxEnumNames {
		c.enumText = allNames(names)
		c.enum = enumColumn(rows)
		return c
	}
	if remap, distinct, ok := dedupeNames(names); ok {
		c.remap, c.enumText = remap, distinct
		c.enum = enumColumn(rows)
		return c
	}
	c.text, c.asText = newColumn[string]("label", data.FieldTypeString, rows), true
	return c
}

func enumColumn(rows int) column[data.EnumItemIndex] {
	return newColumn[data.EnumItemIndex]("label", data.FieldTypeEnum, rows)
}

// dedupeNames maps every name index to the index of its first occurrence in
// the returned list of distinct names; ok is false, and the work stops, once
// there are more distinct names than an enum can index.
func dedupeNames(names nameList) (remap []data.EnumItemIndex, distinct []string, ok bool) {
	d := newDeduper(names.Len())
	remap = make([]data.EnumItemIndex, names.Len())
	if t, isTable := names.(NameTable); isTable {
		// Straight from the block: no interface call per name.
		start := uint32(0)
		for i, end := range t.ends {
			if remap[i], ok = d.index(t.text[start:end]); !ok {
				return nil, nil, false
			}
			start = end
		}
		return remap, d.distinct, true
	}
	for i := range names.Len() {
		if remap[i], ok = d.index(names.At(i)); !ok {
			return nil, nil, false
		}
	}
	return remap, d.distinct, true
}

// deduper numbers distinct names in order of first occurrence. The lookup
// is an open-addressing table of twice the enum's limit rather than a map: a
// million names cost a hash, a load and a compare each, not a map access.
type deduper struct {
	table    []uint32 // index in distinct + 1; 0 is a free slot
	seed     maphash.Seed
	distinct []string
}

const dedupeSlots = 2 * maxEnumNames // at most half full: probes stay short

func newDeduper(names int) *deduper {
	// Sized for the enum's limit, not the names: a million names often
	// repeat a few thousand.
	return &deduper{table: make([]uint32, dedupeSlots), seed: maphash.MakeSeed(), distinct: make([]string, 0, min(names, maxEnumNames))}
}

// index is name's enum index; false once a name would be one too many.
func (d *deduper) index(name string) (data.EnumItemIndex, bool) {
	s := maphash.String(d.seed, name) & (dedupeSlots - 1)
	for {
		e := d.table[s]
		if e == 0 {
			if len(d.distinct) == maxEnumNames {
				return 0, false
			}
			d.distinct = append(d.distinct, name)
			e = uint32(len(d.distinct)) // #nosec G115 -- len(distinct) <= maxEnumNames = 1<<16
			d.table[s] = e
		} else if d.distinct[e-1] != name {
			s = (s + 1) & (dedupeSlots - 1)
			continue
		}
		// e-1 < len(distinct) <= maxEnumNames (1<<16): it fits the uint16
		// enum index.
		return data.EnumItemIndex(e - 1), true // #nosec G115 -- e-1 < maxEnumNames = 1<<16
	}
}

func (c *labelColumn) set(row int, nameIndex int64) error {
	if nameIndex < 0 || nameIndex >= c.count {
		return fmt.Errorf("name index %d is outside the %d names sent", nameIndex, c.count)
	}
	switch {
	case c.asText:
		c.text.values[row] = c.names.At(int(nameIndex))
	case c.remap != nil:
		c.enum.values[row] = c.remap[nameIndex]
	default:
		// No remap means the names were at most maxEnumNames (1<<16) and
		// nameIndex was checked against them above, so it fits a uint16.
		c.enum.values[row] = data.EnumItemIndex(nameIndex) // #nosec G115 -- 0 <= nameIndex < count <= 1<<16
	}
	return nil
}

func (c *labelColumn) field(rows int) *data.Field {
	if c.asText {
		return c.text.done(rows)
	}
	text := c.enumText
	if text == nil {
		text = []string{} // the enum text is always a list, even with no rows
	}
	return c.enum.done(rows).SetConfig(&data.FieldConfig{
		TypeConfig: &data.FieldTypeConfig{Enum: &data.EnumFieldConfig{Text: text}},
	})
}
