package plugin

import (
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func TestSeriesStep(t *testing.T) {
	at := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	rng := func(d time.Duration) backend.TimeRange { return backend.TimeRange{From: at.Add(-d), To: at} }
	tests := []struct {
		name              string
		interval, minStep time.Duration
		tr                backend.TimeRange
		want              time.Duration
	}{
		{"panel interval wins", time.Minute, 15 * time.Second, rng(6 * time.Hour), time.Minute},
		{"min step floors a fine interval", time.Second, 15 * time.Second, rng(time.Hour), 15 * time.Second},
		{"long range bounds the points", 15 * time.Second, 15 * time.Second, rng(30 * 24 * time.Hour), 236 * time.Second},
		{"fractions round up to whole seconds", 1500 * time.Millisecond, time.Second, rng(time.Hour), 2 * time.Second},
		{"never below one second", 0, 0, rng(time.Minute), time.Second},
	}
	for _, tt := range tests {
		got := seriesStep(tt.interval, tt.minStep, tt.tr)
		if got != tt.want {
			t.Errorf("%s: step = %v, want %v", tt.name, got, tt.want)
		}
		if points := tt.tr.Duration() / got; points > maxPointsPerSeries {
			t.Errorf("%s: %d points per series", tt.name, points)
		}
	}
}
