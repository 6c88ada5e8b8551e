package frames

import (
	"unsafe"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// column is one field built in place. The SDK's data.NewField copies the
// slice it is given (a million-node frame would be allocated twice), so the
// SDK makes the field at its final length and the converter writes straight
// into the storage behind PointerAt.
type column[T any] struct {
	name   string
	values []T
	field  *data.Field // nil when the SDK's storage could not be written in place
}

func newColumn[T any](name string, typ data.FieldType, n int) column[T] {
	c := column[T]{name: name}
	if n == 0 {
		c.field = data.NewFieldFromFieldType(typ, 0)
		c.field.Name = name
		return c
	}
	f := data.NewFieldFromFieldType(typ, n)
	first, okFirst := f.PointerAt(0).(*T)
	last, okLast := f.PointerAt(n - 1).(*T)
	// One contiguous slice of T is how the SDK stores a field; should that
	// ever change, fall back to a slice of our own that the SDK copies.
	if !okFirst || !okLast || uintptr(unsafe.Pointer(last))-uintptr(unsafe.Pointer(first)) != uintptr(n-1)*unsafe.Sizeof(*first) {
		c.values = make([]T, n)
		return c
	}
	f.Name = name
	c.values, c.field = unsafe.Slice(first, n), f
	return c
}

// done returns the field cut to the rows written; the column is not used
// after it.
func (c column[T]) done(rows int) *data.Field {
	if c.field == nil {
		return data.NewField(c.name, nil, c.values[:rows])
	}
	for c.field.Len() > rows { // from the end: no element moves
		c.field.Delete(c.field.Len() - 1)
	}
	return c.field
}
