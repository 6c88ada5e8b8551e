package frames

import "unsafe"

// nameList is a flame graph's function names, indexed by the nodes.
type nameList interface {
	Len() int
	At(i int) string
}

// stringNames is the names as the protobuf library decodes them.
type stringNames []string

func (s stringNames) Len() int          { return len(s) }
func (s stringNames) At(i int) string   { return s[i] }
func (s stringNames) strings() []string { return s }

// NameTable holds a flame graph's names as one block of text and where each
// ends: a million names are one string and one offset slice, not a million
// string headers.
type NameTable struct {
	text string
	ends []uint32
}

// NewNameTable builds a table from names (tests and small answers).
func NewNameTable(names ...string) NameTable {
	var t NameTable
	block := make([]byte, 0)
	for _, n := range names {
		block = append(block, n...)
		t.ends = append(t.ends, uint32(len(block)))
	}
	t.text = string(block)
	return t
}

// NameTableOf wraps a block of names and their ends; block must not change
// afterwards.
func NameTableOf(block []byte, ends []uint32) NameTable {
	return NameTable{text: unsafe.String(unsafe.SliceData(block), len(block)), ends: ends}
}

func (t NameTable) Len() int { return len(t.ends) }

func (t NameTable) At(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.text[start:t.ends[i]]
}

// withOther is a name list with "other" added at its end.
type withOther struct{ nameList }

func (w withOther) Len() int { return w.nameList.Len() + 1 }

func (w withOther) At(i int) string {
	if i == w.nameList.Len() {
		return OtherName
	}
	return w.nameList.At(i)
}

// allNames lists every name, sharing the list's memory where it can.
func allNames(n nameList) []string {
	if s, ok := n.(interface{ strings() []string }); ok {
		return s.strings()
	}
	out := make([]string, n.Len())
	for i := range out {
		out[i] = n.At(i)
	}
	return out
}

// indexOf finds a name's first index, -1 when absent.
func indexOf(n nameList, name string) int {
	for i := range n.Len() {
		if n.At(i) == name {
			return i
		}
	}
	return -1
}
