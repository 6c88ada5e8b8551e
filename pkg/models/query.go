package models

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/embers/embers/src/shared"
)

// QueryType is what a query returns.
type QueryType string

// The query types of src/datasource/types.ts.
const (
	QueryTypeProfile QueryType = "profile"
	QueryTypeMetrics QueryType = "metrics"
	QueryTypeBoth    QueryType = "both"
	QueryTypeDiff    QueryType = "diff"
)

// MaxLimit bounds the top-N series limit to something a panel can draw; 0,
// like no limit at all, keeps every series.
const MaxLimit = 10000

// ErrSeriesLimitRange is the series limit rule the query editor words too.
var ErrSeriesLimitRange = errors.New(shared.Text.SeriesLimitRange)

// Query mirrors EmbersQuery in src/datasource/types.ts.
type Query struct {
	RefID         string    `json:"refId"`
	QueryType     QueryType `json:"queryType"`
	ProfileTypeID string    `json:"profileTypeId"`
	LabelSelector string    `json:"labelSelector"`
	GroupBy       []string  `json:"groupBy,omitempty"`
	Limit         *int64    `json:"limit,omitempty"`
	// MaxNodes is 1..MaxNodesCap, as in the settings (Validate).
	MaxNodes *int64 `json:"maxNodes,omitempty"`
	Right    *Right `json:"right,omitempty"`
	// SpanSelector narrows the flame graph to these spans' samples (span.go),
	// as the core Pyroscope datasource and Tempo's trace-to-profiles send it.
	SpanSelector []string `json:"spanSelector,omitempty"`
	// ProfileIDSelector narrows the flame graph to these profiles (an
	// exemplar's link; profileid.go).
	ProfileIDSelector []string `json:"profileIdSelector,omitempty"`
}

// Right is the comparison side of a diff query.
type Right struct {
	LabelSelector string `json:"labelSelector"`
	TimeShift     string `json:"timeShift,omitempty"`
}

// ParseQuery reads a query's JSON, fills defaults (queryType both, selector
// `{}`) and validates it.
func ParseQuery(raw json.RawMessage) (Query, error) {
	var q Query
	if len(bytes.TrimSpace(raw)) == 0 {
		return q, errors.New("the query is empty")
	}
	if err := json.Unmarshal(raw, &q); err != nil {
		if rule := numberRule(err); rule != nil {
			return q, rule
		}
		return q, fmt.Errorf("the query could not be read: %v", jsonProblem(err))
	}
	if q.QueryType == "" {
		q.QueryType = QueryTypeBoth
	}
	if strings.TrimSpace(q.LabelSelector) == "" {
		q.LabelSelector = "{}"
	}
	if q.Right != nil && strings.TrimSpace(q.Right.LabelSelector) == "" {
		q.Right.LabelSelector = q.LabelSelector
	}
	return q, q.Validate()
}

// Validate checks what the backend can check before calling Pyroscope; the
// selector syntax itself is left to the server, which names the exact problem.
func (q Query) Validate() error {
	switch q.QueryType {
	case QueryTypeProfile, QueryTypeMetrics, QueryTypeBoth, QueryTypeDiff:
	default:
		return fmt.Errorf("query type %q is not one of profile, metrics, both, diff", short(string(q.QueryType)))
	}
	if _, err := ParseProfileType(q.ProfileTypeID); err != nil {
		return err
	}
	if err := CheckSelector("label selector", q.LabelSelector); err != nil {
		return err
	}
	if q.MaxNodes != nil && (*q.MaxNodes < 1 || *q.MaxNodes > MaxNodesCap) {
		return ErrMaxNodesRange
	}
	if q.Limit != nil && (*q.Limit < 0 || *q.Limit > MaxLimit) {
		return ErrSeriesLimitRange
	}
	if err := checkSpanSelector(q.SpanSelector); err != nil {
		return err
	}
	if err := checkProfileIDSelector(q.ProfileIDSelector); err != nil {
		return err
	}
	for _, g := range q.GroupBy {
		if strings.TrimSpace(g) == "" {
			return errors.New("group by has an empty label name")
		}
	}
	if q.QueryType == QueryTypeDiff {
		if q.Right == nil {
			return errors.New("a diff query needs a right-hand selector or time shift to compare with")
		}
		if err := CheckSelector("right-hand selector", q.Right.LabelSelector); err != nil {
			return err
		}
		if _, err := q.Right.Shift(); err != nil {
			return err
		}
	}
	return nil
}

// Shift parses the right-hand time shift (`7d`, `1h`); empty means none.
func (r *Right) Shift() (time.Duration, error) {
	if r == nil || strings.TrimSpace(r.TimeShift) == "" {
		return 0, nil
	}
	d, err := ParseDuration(strings.TrimSpace(r.TimeShift))
	if err != nil || d < 0 {
		return 0, errors.New(shared.With(shared.Text.TimeShiftNotDuration, short(r.TimeShift)))
	}
	return d, nil
}

// MaxNodesOr returns the query's max nodes, else the given default, clamped to
// 1..MaxNodesCap so the server never sees an unbounded value, even from a
// query that skipped Validate.
func (q Query) MaxNodesOr(def int64) int64 {
	v := def
	if q.MaxNodes != nil {
		v = *q.MaxNodes
	}
	return min(max(v, 1), MaxNodesCap)
}

// numberRule words a number that does not fit a whole-number field (1.5,
// 1e30) as that field's rule, as the editor does, rather than as bad JSON.
func numberRule(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || !strings.HasPrefix(te.Value, "number") {
		return nil
	}
	switch te.Field {
	case "limit":
		return ErrSeriesLimitRange
	case "maxNodes":
		return ErrMaxNodesRange
	}
	return nil
}

// ErrRangeBackwards answers a time range whose start is not before its end.
var ErrRangeBackwards = errors.New("the time range must start before it ends (from must be before to)")

// CheckTimeRange is the time-range rule of queries and resources (unix ms).
func CheckTimeRange(fromMs, toMs int64) error {
	if fromMs >= toMs {
		return ErrRangeBackwards
	}
	return nil
}

// CheckSelector catches the mistakes worth naming before a round trip; the
// resources check their selector with it too.
func CheckSelector(what, sel string) error {
	s := strings.TrimSpace(sel)
	if !strings.HasPrefix(s, "{") || !strings.HasSuffix(s, "}") {
		return fmt.Errorf("%s %q must be wrapped in braces, e.g. {service_name=\"checkout\"}", what, short(sel))
	}
	return nil
}
