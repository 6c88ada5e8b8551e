package models

import (
	"encoding/json"
	"net/url"
	"testing"
)

// What the shared URL pattern takes, Go's parser reads with a host, so the
// backend never refuses a URL the config page calls valid.
func FuzzURLPattern(f *testing.F) {
	for _, c := range loadRules(f).URL {
		var s string
		if json.Unmarshal(c.Input, &s) == nil {
			f.Add(s)
		}
	}
	for _, s := range []string{"http://[::1]:4040/", "https://a@b@c:1/?x#y", "http://h/%41é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if scheme, rest := urlPattern(raw); !scheme || !rest {
			return
		}
		if u, err := url.Parse(raw); err != nil || u.Hostname() == "" {
			t.Errorf("%q follows the pattern but url.Parse gives %v, %v", raw, u, err)
		}
	})
}
