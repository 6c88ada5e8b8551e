package models

import (
	"errors"
	"net/url"
	"regexp"
	"strconv"

	"github.com/embers/embers/src/shared"
)

// The URL rule, as src/datasource/urlRule.ts words it too: one pattern on
// both sides rather than two URL parsers, which disagree (a browser takes
// "http:host", backslashes and tabs, Go takes port 99999 and "http://:4040").
var (
	httpScheme = regexp.MustCompile(`(?i)^https?://`)
	// After the scheme: optional user info, a host name or [IPv6 address], an
	// optional port, then a path, query or fragment without spaces or bad %
	// escapes.
	httpRest = regexp.MustCompile(`^(?:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*@)?` +
		`(?:[A-Za-z0-9\-._~]+|\[` + ipv6 + `\])(?::([0-9]{0,5}))?` +
		`(?:[/?#](?:[^\x00-\x20\x7f%]|%[0-9A-Fa-f]{2})*)?$`)
)

// ipv6 is an IPv6 address in hex groups, "::" standing for one or more zero
// groups (Go's parser refuses "[0]"; a dotted IPv4 tail is not taken).
const ipv6 = `(?:(?:` + h16 + `:){7}` + h16 +
	`|(?:` + h16 + `:){1,7}:` +
	`|(?:` + h16 + `:){1,6}:` + h16 +
	`|(?:` + h16 + `:){1,5}(?::` + h16 + `){1,2}` +
	`|(?:` + h16 + `:){1,4}(?::` + h16 + `){1,3}` +
	`|(?:` + h16 + `:){1,3}(?::` + h16 + `){1,4}` +
	`|(?:` + h16 + `:){1,2}(?::` + h16 + `){1,5}` +
	`|` + h16 + `:(?::` + h16 + `){1,6}` +
	`|:(?:(?::` + h16 + `){1,7}|:))`

const h16 = `[0-9A-Fa-f]{1,4}`

// CheckURL is the rule for the server URL (already trimmed). A refused URL is
// quoted with its password hidden.
func CheckURL(raw string) error {
	if raw == "" {
		return errors.New(shared.Text.URLRequired)
	}
	scheme, rest := urlPattern(raw)
	if !scheme {
		return errors.New(shared.With(shared.Text.URLScheme, redactTyped(raw)))
	}
	// The pattern admits only what url.Parse reads with a host (FuzzURLPattern);
	// parsing again keeps the client from ever being built on one it cannot read.
	if !rest {
		return errors.New(shared.With(shared.Text.URLInvalid, redactTyped(raw)))
	}
	if u, err := url.Parse(raw); err != nil || u.Hostname() == "" {
		return errors.New(shared.With(shared.Text.URLInvalid, redactTyped(raw)))
	}
	return nil
}

// urlPattern says whether raw starts with http:// or https://, and whether
// what follows is a host, port and path the rule takes.
func urlPattern(raw string) (scheme, rest bool) {
	s := httpScheme.FindString(raw)
	if s == "" {
		return false, false
	}
	m := httpRest.FindStringSubmatch(raw[len(s):])
	return true, m != nil && portInRange(m[1])
}

// portInRange: no port or an empty one means the scheme's default.
func portInRange(port string) bool {
	if port == "" {
		return true
	}
	n, err := strconv.Atoi(port)
	return err == nil && n <= 65535
}
