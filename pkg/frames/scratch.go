package frames

import (
	"sync"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// The SDK's data.NewField copies the slice it is given, so columns are built
// in scratch slices that go back to a pool once the frame holds its copy:
// converting then allocates about the frame's own size, not twice it.
var (
	int64Scratch sync.Pool // *[]int64
	enumScratch  sync.Pool // *[]data.EnumItemIndex
)

func borrowInt64s(n int) []int64 {
	if p, ok := int64Scratch.Get().(*[]int64); ok && cap(*p) >= n {
		return (*p)[:n]
	}
	return make([]int64, n)
}

func returnInt64s(columns ...[]int64) {
	for i := range columns {
		int64Scratch.Put(&columns[i])
	}
}

func borrowEnums(n int) []data.EnumItemIndex {
	if p, ok := enumScratch.Get().(*[]data.EnumItemIndex); ok && cap(*p) >= n {
		return (*p)[:n]
	}
	return make([]data.EnumItemIndex, n)
}

func returnEnums(s []data.EnumItemIndex) {
	if s != nil {
		enumScratch.Put(&s)
	}
}
