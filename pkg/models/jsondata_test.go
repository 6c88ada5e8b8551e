package models

import (
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// Every field the SDK converts unchecked, holding the wrong type, is one
// settings error that names the field, and the SDK is never reached.
func TestWrongTypedSDKFieldsAreNamed(t *testing.T) {
	tests := []struct{ json, field, kind string }{
		{`{"access":5}`, "access", "a number"},
		{`{"access":null}`, "access", "null"},
		{`{"url":["x"]}`, "url", "a list"},
		{`{"basicAuth":true,"basicAuthUser":42}`, "basicAuthUser", "a number"},
		{`{"httpHeaderName1":"X-A","httpHeaderName2":7}`, "httpHeaderName2", "a number"},
		{`{"tlsAuth":true,"serverName":1}`, "serverName", "a number"},
		{`{"tlsAuthWithCACert":true,"serverName":{}}`, "serverName", "an object"},
		{`{"sigV4Auth":true,"sigV4Region":3}`, "sigV4Region", "a number"},
		{`{"sigV4Auth":true,"sigV4Profile":false}`, "sigV4Profile", "true/false"},
		{`{"secureSocksProxyUsername":9}`, "secureSocksProxyUsername", "a number"},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			ds := backend.DataSourceInstanceSettings{URL: "http://p:4040", JSONData: []byte(tt.json), DecryptedSecureJSONData: map[string]string{"httpHeaderValue2": "v"}}
			_, err := LoadSettings(ds)
			want := "the setting " + tt.field + " must be text, but it holds " + tt.kind
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("error = %v, want it to start with %q", err, want)
			}
		})
	}
	// The same values are harmless where the SDK does not read them.
	for _, ok := range []string{`{"basicAuth":false,"basicAuthUser":42}`, `{"sigV4Region":3}`, `{"serverName":1}`, `{"access":"proxy","httpHeaderName1":"X-A"}`} {
		if _, err := LoadSettings(backend.DataSourceInstanceSettings{URL: "http://p:4040", JSONData: []byte(ok)}); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

func TestRedactURL(t *testing.T) {
	cases := map[string]string{
		"http://bob:secret@host:4040":   "http://bob:xxxxx@host:4040",
		"ftp://bob:secret@host":         "ftp://bob:xxxxx@host",
		"htp://bob:secret@host":         "htp://bob:xxxxx@host",
		"bob:secret@host:4040":          "bob:xxxxx@host:4040",
		"http://bob:sec%zzret@host":     "http://bob:xxxxx@host",
		"http://bob:se/cr@et@host/path": "http://bob:xxxxx@host/path",
		"http://host:4040/ui":           "http://host:4040/ui",
		"http://bob@host":               "http://bob@host",
		"not a url":                     "not a url",
	}
	for in, want := range cases {
		if got := RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// A URL that fails validation is quoted without its password.
func TestInvalidURLMessagesHideThePassword(t *testing.T) {
	for _, raw := range []string{"ftp://bob:secret@host", "htp://bob:secret@host", "bob:secret@host", "http://bob:sec%zzret@host"} {
		_, err := LoadSettings(backend.DataSourceInstanceSettings{URL: raw, JSONData: []byte(`{}`)})
		if err == nil || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "bob:xxxxx@") {
			t.Errorf("%s: error = %v", raw, err)
		}
	}
}
