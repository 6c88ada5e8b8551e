package models

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// durationUnits are the units Grafana's duration fields accept.
var durationUnits = map[string]time.Duration{
	"ms": time.Millisecond,
	"s":  time.Second,
	"m":  time.Minute,
	"h":  time.Hour,
	"d":  24 * time.Hour,
	"w":  7 * 24 * time.Hour,
	"y":  365 * 24 * time.Hour,
}

// ParseDuration reads a Grafana duration: a whole number and one unit
// (`500ms`, `15s`, `1m`, `1h`, `7d`, `2w`); a bare number means seconds.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 12 {
		return 0, fmt.Errorf("%q is not a duration", s)
	}
	n, err := strconv.ParseInt(s[:i], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration", s)
	}
	unit := s[i:]
	if unit == "" {
		unit = "s"
	}
	mult, ok := durationUnits[unit]
	if !ok {
		return 0, fmt.Errorf("%q has an unknown unit", s)
	}
	if n > math.MaxInt64/int64(mult) {
		return 0, fmt.Errorf("%q is too long", s)
	}
	return time.Duration(n) * mult, nil
}
