package shared

import (
	"reflect"
	"strings"
	"testing"
)

// Every message is set, and those that quote the input have one place for it.
func TestMessagesAreComplete(t *testing.T) {
	v := reflect.ValueOf(Text)
	for i := range v.NumField() {
		name, text := v.Type().Field(i).Name, v.Field(i).String()
		if text == "" {
			t.Errorf("%s has no text in messages.json", name)
		}
		if n := strings.Count(text, "{value}"); n > 1 {
			t.Errorf("%s quotes the input %d times", name, n)
		}
	}
	if got := With(Text.MinStepNotDuration, "fast"); !strings.HasPrefix(got, `Min step "fast" is not a duration`) {
		t.Errorf("With gave %q", got)
	}
}
