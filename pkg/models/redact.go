package models

import (
	"net/url"
	"strings"
)

// RedactURL hides the password of a URL for messages and logs, whether or not
// the URL is valid: `ftp://bob:secret@host`, `htp://…`, no scheme at all or a
// bad % escape all keep the user and lose the password.
func RedactURL(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Scheme != "" && u.Host != "" && !strings.Contains(u.Host, "@") {
		if _, has := u.User.Password(); !has {
			return raw
		}
		return u.Redacted()
	}
	return redactTyped(raw)
}

// redactTyped hides a password in the text as typed, without parsing it: the
// config page (redactUrl in src/datasource/urlRule.ts) quotes a refused URL
// the same way. A string that might hold a password after a colon before an @
// is cut there, erring on the safe side.
func redactTyped(raw string) string {
	rest, prefix := raw, ""
	if i := strings.Index(raw, "//"); i >= 0 {
		prefix, rest = raw[:i+2], raw[i+2:]
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return raw
	}
	colon := strings.Index(rest[:at], ":")
	if colon < 0 {
		return raw
	}
	return prefix + rest[:colon+1] + "xxxxx" + rest[at:]
}
