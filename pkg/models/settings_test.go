package models

import (
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func TestLoadSettings(t *testing.T) {
	tests := []struct {
		name    string
		url     string
		json    string
		secure  map[string]string
		wantErr string
		check   func(t *testing.T, s *Settings)
	}{
		{name: "defaults", url: "http://pyroscope:4040", json: `{}`, check: func(t *testing.T, s *Settings) {
			if s.Timeout != 30*time.Second || s.MinStep != 15*time.Second || s.MaxNodes != 16384 || s.AuthType != "none" {
				t.Errorf("defaults = %+v", s)
			}
		}},
		{name: "all fields", url: "https://p.example:4040", json: `{"tenantId":"team-a","timeout":5,"minStep":"1m","maxNodes":2048,"authType":"bearer"}`,
			secure: map[string]string{"bearerToken": "s3cret"}, check: func(t *testing.T, s *Settings) {
				if s.TenantID != "team-a" || s.Timeout != 5*time.Second || s.MinStep != time.Minute || s.MaxNodes != 2048 || s.BearerToken != "s3cret" {
					t.Errorf("parsed = %+v", s)
				}
			}},
		{name: "timeout saved as a string", url: "http://p:4040", json: `{"timeout":"12"}`, check: func(t *testing.T, s *Settings) {
			if s.Timeout != 12*time.Second {
				t.Errorf("timeout = %v", s.Timeout)
			}
		}},
		{name: "no URL", url: "", json: `{}`, wantErr: "Enter the Pyroscope server URL"},
		{name: "ftp URL", url: "ftp://p:21", json: `{}`, wantErr: "must start with http:// or https://"},
		{name: "URL without host", url: "http://", json: `{}`, wantErr: `The URL "http://" is not valid`},
		{name: "negative timeout", url: "http://p:4040", json: `{"timeout":-1}`, wantErr: "Timeout must be a positive number of seconds (default 30)"},
		{name: "zero timeout means the default, never no timeout", url: "http://p:4040", json: `{"timeout":0}`, check: func(t *testing.T, s *Settings) {
			if s.Timeout != DefaultTimeout {
				t.Errorf("timeout = %v, want the default %v", s.Timeout, DefaultTimeout)
			}
		}},
		{name: "timeout not a number", url: "http://p:4040", json: `{"timeout":"soon"}`, wantErr: `timeout "soon" must be a number of seconds`},
		{name: "bad min step", url: "http://p:4040", json: `{"minStep":"fast"}`, wantErr: `Min step "fast" is not a duration`},
		{name: "zero min step", url: "http://p:4040", json: `{"minStep":"0s"}`, wantErr: "Min step must be longer than zero"},
		{name: "max nodes zero", url: "http://p:4040", json: `{"maxNodes":0}`, wantErr: "Max nodes must be a whole number from 1 to 1,048,576"},
		{name: "max nodes over cap", url: "http://p:4040", json: `{"maxNodes":2000000}`, wantErr: "Max nodes must be a whole number from 1 to 1,048,576"},
		{name: "max nodes fractional", url: "http://p:4040", json: `{"maxNodes":1.5}`, wantErr: "whole number"},
		{name: "max nodes huge", url: "http://p:4040", json: `{"maxNodes":1e30}`, wantErr: "Max nodes must be a whole number from 1 to 1,048,576"},
		{name: "timeout huge", url: "http://p:4040", json: `{"timeout":1e30}`, wantErr: "Timeout must be at most 86400 seconds (one day)"},
		{name: "tenant with space", url: "http://p:4040", json: `{"tenantId":"team a"}`, wantErr: `Tenant ID "team a" is not valid`},
		{name: "bearer without token", url: "http://p:4040", json: `{"authType":"bearer"}`, wantErr: "no token is set"},
		{name: "unknown auth type", url: "http://p:4040", json: `{"authType":"kerberos"}`, wantErr: `auth type "kerberos"`},
		{name: "wrong JSON type", url: "http://p:4040", json: `{"tenantId":5}`, wantErr: "tenantId should be text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := LoadSettings(backend.DataSourceInstanceSettings{URL: tt.url, JSONData: []byte(tt.json), DecryptedSecureJSONData: tt.secure})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			tt.check(t, s)
		})
	}
}

func TestParseDuration(t *testing.T) {
	good := map[string]time.Duration{"15s": 15 * time.Second, "1m": time.Minute, "1h": time.Hour, "7d": 7 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, "500ms": 500 * time.Millisecond, "30": 30 * time.Second}
	for in, want := range good {
		got, err := ParseDuration(in)
		if err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "s", "1x", "-1h", "1.h", "999999999999y"} {
		if _, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) accepted a bad duration", in)
		}
	}
}
