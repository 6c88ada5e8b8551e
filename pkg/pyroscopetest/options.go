package pyroscopetest

import "time"

// Defaults of a Pyroscope server started with no limits configured.
const (
	defaultMaxQueryLength = 24 * time.Hour
	defaultMaxNodesCap    = 1 << 20
	defaultMaxNodes       = 8192
)

type config struct {
	tenant         string
	maxQueryLength time.Duration
	maxNodesCap    int64
	fault          Fault
	uncompacted    bool
}

func defaultConfig() config {
	return config{maxQueryLength: defaultMaxQueryLength, maxNodesCap: defaultMaxNodesCap}
}

// Option changes how the fake behaves.
type Option func(*config)

// WithTenant makes the fake multi-tenant: a request without X-Scope-OrgID is
// refused with 401 "no org id", and one for another tenant sees no data.
func WithTenant(tenant string) Option { return func(c *config) { c.tenant = tenant } }

// WithMaxQueryLength sets the longest time range a query may span (the
// server's max_query_length, 24h by default; 0 means no limit).
func WithMaxQueryLength(d time.Duration) Option { return func(c *config) { c.maxQueryLength = d } }

// WithMaxNodesCap sets the largest maxNodes a flame graph query may ask for.
func WithMaxNodesCap(n int64) Option { return func(c *config) { c.maxNodesCap = n } }

// WithFault makes the fake answer with the given fault from the start.
func WithFault(f Fault) Option { return func(c *config) { c.fault = f } }

// WithUncompacted imitates a v2 server right after one-off uploads, before its
// first compaction: queries whose selector does not name a service with an
// exact service_name matcher see no data (ProfileTypes and Series still do).
// This is how the recorded answers were taken.
func WithUncompacted() Option { return func(c *config) { c.uncompacted = true } }
