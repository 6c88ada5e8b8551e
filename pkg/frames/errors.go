package frames

import (
	"errors"
	"fmt"
)

// ErrUnreadableFlameGraph marks a flame graph whose levels break Pyroscope's
// encoding. The query shows this message; the detail after it says where.
var ErrUnreadableFlameGraph = errors.New("Pyroscope sent a flame graph that could not be read")

func unreadable(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrUnreadableFlameGraph}, args...)...)
}
