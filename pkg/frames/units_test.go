package frames

import "testing"

func TestGrafanaUnit(t *testing.T) {
	for in, want := range map[string]string{
		"nanoseconds":  "ns",
		"microseconds": "µs",
		"milliseconds": "ms",
		"seconds":      "s",
		"bytes":        "bytes",
		"count":        "short",
		"":             "short",
		"lock_samples": "lock_samples", // unknown units pass through, never fail
	} {
		if got := GrafanaUnit(in); got != want {
			t.Errorf("GrafanaUnit(%q) = %q, want %q", in, got, want)
		}
	}
}
