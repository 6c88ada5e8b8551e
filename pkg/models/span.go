package models

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/embers/embers/src/shared"
)

// MaxSpanIDs bounds one query's span selector (a trace's spans, not a dump).
const MaxSpanIDs = 1000

// SpanIDProblem says what is wrong with one span id, or "" when it is an
// OpenTelemetry span id: 16 hex digits, not all zero (testdata/rules/spans.json,
// which src/datasource/rules.ts runs too).
func SpanIDProblem(id string) string {
	s := strings.TrimSpace(id)
	switch {
	case s == "":
		return shared.Text.SpanIDEmpty
	case utf8.RuneCountInString(s) != 16:
		return shared.With(shared.Text.SpanIDLength, strconv.Itoa(utf8.RuneCountInString(s)))
	case strings.Trim(s, "0123456789abcdefABCDEF") != "":
		return shared.Text.SpanIDNotHex
	case strings.Trim(s, "0") == "":
		return shared.Text.SpanIDZeros
	}
	return ""
}

// checkSpanSelector names the first bad span id of a query.
func checkSpanSelector(ids []string) error {
	if len(ids) > MaxSpanIDs {
		return fmt.Errorf("span selector holds %d span ids, at most %d are taken", len(ids), MaxSpanIDs)
	}
	for i, id := range ids {
		if p := SpanIDProblem(id); p != "" {
			return fmt.Errorf("span id %d %q %s", i+1, short(id), p)
		}
	}
	return nil
}

// SpanIDs returns the span selector as Pyroscope takes it: trimmed, lower case.
func (q Query) SpanIDs() []string {
	out := make([]string, 0, len(q.SpanSelector))
	for _, id := range q.SpanSelector {
		out = append(out, strings.ToLower(strings.TrimSpace(id)))
	}
	return out
}
