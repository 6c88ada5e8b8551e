package models

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// durationUnits are the units a duration may use, as the config page and the
// query editor accept them (testdata/rules/settings.json holds the cases both
// sides run).
var durationUnits = map[string]time.Duration{
	"ms": time.Millisecond,
	"s":  time.Second,
	"m":  time.Minute,
	"h":  time.Hour,
	"d":  24 * time.Hour,
	"w":  7 * 24 * time.Hour,
	"y":  365 * 24 * time.Hour,
}

// ErrDurationTooLong is a duration past what time.Duration holds (about 292 years).
var ErrDurationTooLong = errors.New("the duration is too long")

var (
	// durationPart is one number and its unit; "ms" comes before "m".
	durationPart = regexp.MustCompile(`^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)`)
	bareSeconds  = regexp.MustCompile(`^\d+(?:\.\d+)?$`)
)

// ParseDuration reads a duration: one or more numbers with a unit (`15s`,
// `1m30s`, `1.5h`, `500ms`, `7d`, `2w`, `1y`), or a bare number of seconds.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if bareSeconds.MatchString(s) {
		s += "s"
	}
	if s == "" {
		return 0, fmt.Errorf("%q is not a duration", s)
	}
	var nanos float64
	for rest := s; rest != ""; {
		m := durationPart.FindStringSubmatch(rest)
		if m == nil {
			return 0, fmt.Errorf("%q is not a duration", s)
		}
		n, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return 0, fmt.Errorf("%q is not a duration", s)
		}
		nanos += n * float64(durationUnits[m[2]])
		rest = rest[len(m[0]):]
	}
	if nanos >= math.MaxInt64 {
		return 0, fmt.Errorf("%q: %w", s, ErrDurationTooLong)
	}
	return time.Duration(math.Round(nanos)), nil
}
