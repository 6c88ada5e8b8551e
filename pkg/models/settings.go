// Package models holds the datasource settings and query models, each with a
// Validate that returns messages meant for the person configuring Grafana.
package models

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/src/shared"
)

// Defaults and bounds of the settings (DESIGN.md section 6).
const (
	DefaultTimeout  = 30 * time.Second
	DefaultMinStep  = 15 * time.Second
	DefaultMaxNodes = 16384
	// MaxNodesCap is Pyroscope's default per-tenant cap; more is a 400.
	MaxNodesCap = 1 << 20
	// maxTimeoutSeconds keeps the timeout a sane duration.
	maxTimeoutSeconds = 24 * 60 * 60
)

// ErrMaxNodesRange is the one rule for max nodes: the settings and a query
// answer the same message.
var ErrMaxNodesRange = errors.New(shared.Text.MaxNodesRange)

// Settings is the parsed datasource configuration. BearerToken holds the
// secret itself (basic auth stays with the SDK): never log a Settings value.
type Settings struct {
	URL         string
	TenantID    string
	Timeout     time.Duration
	MinStep     time.Duration
	MaxNodes    int64
	AuthType    string
	BearerToken string `json:"-"`
}

// jsonData mirrors EmbersDataSourceOptions in src/datasource/types.ts.
type jsonData struct {
	TenantID string          `json:"tenantId"`
	Timeout  json.RawMessage `json:"timeout"`
	MinStep  string          `json:"minStep"`
	MaxNodes *float64        `json:"maxNodes"`
	AuthType string          `json:"authType"`
}

// LoadSettings parses the instance settings and validates them.
func LoadSettings(s backend.DataSourceInstanceSettings) (*Settings, error) {
	if err := checkSDKFields(s.JSONData); err != nil {
		return nil, err
	}
	var jd jsonData
	if len(s.JSONData) > 0 {
		if err := json.Unmarshal(s.JSONData, &jd); err != nil {
			return nil, fmt.Errorf("the data source settings could not be read: %v", jsonProblem(err))
		}
	}
	out := &Settings{
		URL:      strings.TrimSpace(s.URL),
		TenantID: jd.TenantID,
		Timeout:  DefaultTimeout,
		MinStep:  DefaultMinStep,
		MaxNodes: DefaultMaxNodes,
		AuthType: jd.AuthType,
	}
	if out.AuthType == "" {
		out.AuthType = "none"
	}
	out.BearerToken = s.DecryptedSecureJSONData["bearerToken"]
	if err := out.parseTimeout(jd.Timeout); err != nil {
		return nil, err
	}
	if jd.MinStep != "" {
		d, err := ParseDuration(strings.TrimSpace(jd.MinStep))
		if err != nil {
			if errors.Is(err, ErrDurationTooLong) {
				return nil, errors.New(shared.With(shared.Text.MinStepTooLong, jd.MinStep))
			}
			return nil, errors.New(shared.With(shared.Text.MinStepNotDuration, jd.MinStep))
		}
		out.MinStep = d
	}
	if jd.MaxNodes != nil {
		v := *jd.MaxNodes
		if v < 1 || v > MaxNodesCap || v != float64(int64(v)) {
			return nil, ErrMaxNodesRange
		}
		out.MaxNodes = int64(v)
	}
	return out, out.Validate()
}

// parseTimeout accepts a number of seconds (what the SDK reads) and, for
// settings saved by hand, a numeric string.
func (s *Settings) parseTimeout(raw json.RawMessage) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var secs float64
	if err := json.Unmarshal(raw, &secs); err != nil {
		var str string
		if json.Unmarshal(raw, &str) != nil {
			return errors.New("timeout must be a number of seconds")
		}
		str = strings.TrimSpace(str)
		if str == "" {
			return nil
		}
		v, perr := strconv.ParseFloat(str, 64)
		if perr != nil { // only provisioning can write text here: the config page's field is a number
			return fmt.Errorf("timeout %q must be a number of seconds", str)
		}
		secs = v
	}
	if secs < 0 {
		return errors.New(shared.Text.TimeoutNotPositive)
	}
	if secs == 0 {
		// A query that can wait for ever hangs the panel; 0 means the default.
		return nil
	}
	if secs > maxTimeoutSeconds {
		return errors.New(shared.Text.TimeoutTooLong)
	}
	s.Timeout = time.Duration(secs * float64(time.Second))
	return nil
}

// Validate checks the settings and says what to change.
func (s *Settings) Validate() error {
	if err := CheckURL(s.URL); err != nil {
		return err
	}
	if s.Timeout <= 0 {
		return errors.New(shared.Text.TimeoutNotPositive)
	}
	if s.MinStep <= 0 {
		return errors.New(shared.Text.MinStepZero)
	}
	if s.MaxNodes < 1 || s.MaxNodes > MaxNodesCap {
		return ErrMaxNodesRange
	}
	if !ValidTenantID(s.TenantID) {
		return errors.New(shared.With(shared.Text.TenantInvalid, s.TenantID))
	}
	switch s.AuthType {
	case "none", "basic", "bearer":
	default:
		return fmt.Errorf("auth type %q is not one of none, basic, bearer", s.AuthType)
	}
	if s.AuthType == "bearer" && s.BearerToken == "" {
		return errors.New("bearer authentication is selected but no token is set")
	}
	return nil
}

// jsonProblem keeps json errors short: which field had the wrong type.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		kind := "a number"
		switch te.Type.Kind() {
		case reflect.Int, reflect.Int32, reflect.Int64:
			kind = "a whole number"
		case reflect.String:
			kind = "text"
		case reflect.Slice:
			kind = "a list"
		case reflect.Struct, reflect.Map:
			kind = "an object"
		}
		return fmt.Sprintf("%s should be %s", te.Field, kind)
	}
	return "the JSON is not valid"
}
