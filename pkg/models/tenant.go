package models

import "regexp"

// tenantID is one Pyroscope tenant: up to 150 letters, digits and !-_.*'()
// (the tenant rule of Pyroscope and Mimir); several join with "|".
var tenantID = regexp.MustCompile(`^[a-zA-Z0-9!\-_.*'()]{1,150}$`)

// ValidTenantID reports whether id names one or more tenants, or none ("").
func ValidTenantID(id string) bool {
	if id == "" {
		return true
	}
	for _, part := range splitTenants(id) {
		if !tenantID.MatchString(part) || part == "." || part == ".." {
			return false
		}
	}
	return true
}

func splitTenants(id string) []string {
	var parts []string
	start := 0
	for i := 0; i <= len(id); i++ {
		if i == len(id) || id[i] == '|' {
			parts = append(parts, id[start:i])
			start = i + 1
		}
	}
	return parts
}
