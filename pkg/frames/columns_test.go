package frames

import (
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Columns are written in the SDK's own storage: what the converter writes is
// what the field holds, with nothing copied, and a frame cut short keeps
// exactly the rows written.
func TestColumnsWriteIntoTheFieldInPlace(t *testing.T) {
	ints := int64Column("value", 5)
	if ints.field == nil {
		t.Fatal("the SDK's int64 field could not be written in place: every column is copied again")
	}
	for i := range ints.values {
		ints.values[i] = int64(1000 * (i + 1))
	}
	f := ints.done(3)
	if f.Name != "value" || f.Len() != 3 {
		t.Fatalf("field %q with %d rows, want value with 3", f.Name, f.Len())
	}
	for i := range 3 {
		if got := f.At(i).(int64); got != int64(1000*(i+1)) {
			t.Errorf("row %d holds %d, want %d", i, got, 1000*(i+1))
		}
	}

	enums := enumColumn(2)
	names := newColumn[string]("label", data.FieldTypeString, 2)
	if enums.field == nil || names.field == nil {
		t.Fatal("the SDK's enum or string field could not be written in place")
	}
	enums.values[1], names.values[1] = 7, "main.slowFunction"
	if got := enums.done(2).At(1).(data.EnumItemIndex); got != 7 {
		t.Errorf("enum row 1 holds %d, want 7", got)
	}
	if got := names.done(2).At(1).(string); got != "main.slowFunction" {
		t.Errorf("label row 1 holds %q", got)
	}
	if empty := int64Column("level", 0).done(0); empty.Len() != 0 || empty.Type() != data.FieldTypeInt64 {
		t.Errorf("an empty column is %s with %d rows", empty.Type(), empty.Len())
	}
}
