package models

import (
	"fmt"
	"strings"
)

// ProfileType is a parsed profile type ID,
// `name:sample_type:sample_unit:period_type:period_unit`.
type ProfileType struct {
	ID         string
	Name       string
	SampleType string
	SampleUnit string
	PeriodType string
	PeriodUnit string
}

// ParseProfileType splits a profile type ID and says what shape it should have.
// Pyroscope also accepts a sixth `delta` part; it is kept in the ID only.
func ParseProfileType(id string) (ProfileType, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return ProfileType{}, fmt.Errorf("choose a profile type")
	}
	parts := strings.Split(id, ":")
	if len(parts) != 5 && !(len(parts) == 6 && parts[5] == "delta") {
		return ProfileType{}, fmt.Errorf("profile type %q must look like name:sample_type:sample_unit:period_type:period_unit, e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds", short(id))
	}
	// Units and period type can be empty on real servers (py-spy sends no
	// period type: process_cpu:samples:count::milliseconds); name and sample
	// type cannot.
	for i, p := range parts[:2] {
		if p == "" {
			return ProfileType{}, fmt.Errorf("profile type %q has an empty %s", short(id), profileTypePartNames[i])
		}
	}
	return ProfileType{ID: id, Name: parts[0], SampleType: parts[1], SampleUnit: parts[2], PeriodType: parts[3], PeriodUnit: parts[4]}, nil
}

var profileTypePartNames = [2]string{"name", "sample type"}

// short keeps echoed user input readable in a message.
func short(s string) string {
	const maxLen = 120
	r := []rune(s)
	if len(r) > maxLen {
		return string(r[:maxLen]) + "…"
	}
	return s
}
