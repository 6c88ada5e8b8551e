package models

import (
	"fmt"
	"strings"
)

// maxProfileIDLen bounds one profile id: Pyroscope's are UUIDs (36 characters).
const maxProfileIDLen = 64

// checkProfileIDSelector names the first profile id that cannot be one.
func checkProfileIDSelector(ids []string) error {
	if len(ids) > MaxSpanIDs {
		return fmt.Errorf("profile id selector holds %d ids, at most %d are taken", len(ids), MaxSpanIDs)
	}
	for i, id := range ids {
		s := strings.TrimSpace(id)
		switch {
		case s == "":
			return fmt.Errorf("profile id %d is empty", i+1)
		case len(s) > maxProfileIDLen || strings.ContainsAny(s, " \t\n\"{}"):
			return fmt.Errorf("profile id %d %q is not a profile id (a UUID such as 0d78ab4f-5170-48f0-9652-4cef5cdea91e)", i+1, short(s))
		}
	}
	return nil
}

// ProfileIDs returns the profile id selector trimmed, as it is sent.
func (q Query) ProfileIDs() []string {
	out := make([]string, 0, len(q.ProfileIDSelector))
	for _, id := range q.ProfileIDSelector {
		out = append(out, strings.TrimSpace(id))
	}
	return out
}
