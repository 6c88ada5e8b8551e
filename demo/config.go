package main

import (
	"fmt"
	"net/url"
	"os"
	"strings"
)

// config is read from the environment, so compose (or a person) can point the
// demo at any Pyroscope.
type config struct {
	ServerURL         string // PYROSCOPE_URL
	TenantID          string // PYROSCOPE_TENANT_ID, for multi-tenant servers
	BasicAuthUser     string // PYROSCOPE_BASIC_AUTH_USER
	BasicAuthPassword string // PYROSCOPE_BASIC_AUTH_PASSWORD
	Region            string // REGION, a tag on every profile
	PprofAddr         string // PPROF_ADDR, the pull endpoint; "off" disables it
	// Push is false with PYROSCOPE_PUSH=off: the instance Alloy scrapes must not
	// push, since the SDK would hold Go's only CPU profiler and every CPU scrape
	// of /debug/pprof/profile would fail.
	Push bool
	// TracesEndpoint turns tracing on: OTEL_EXPORTER_OTLP_ENDPOINT (or the
	// traces-only OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), which the exporter reads.
	// Unset, the demo sends no spans.
	TracesEndpoint string
}

const (
	applicationName  = "embers-demo"
	defaultServerURL = "http://pyroscope:4040"
	defaultRegion    = "eu-north"
	defaultPprofAddr = ":6060"
	exampleTracesURL = "http://tempo:4318"
)

func loadConfig(getenv func(string) string) (config, error) {
	c := config{
		ServerURL:         orDefault(getenv("PYROSCOPE_URL"), defaultServerURL),
		TenantID:          strings.TrimSpace(getenv("PYROSCOPE_TENANT_ID")),
		BasicAuthUser:     getenv("PYROSCOPE_BASIC_AUTH_USER"),
		BasicAuthPassword: getenv("PYROSCOPE_BASIC_AUTH_PASSWORD"),
		Region:            orDefault(getenv("REGION"), defaultRegion),
		PprofAddr:         orDefault(getenv("PPROF_ADDR"), defaultPprofAddr),
		Push:              strings.TrimSpace(getenv("PYROSCOPE_PUSH")) != "off",
		TracesEndpoint:    orDefault(getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"), strings.TrimSpace(getenv("OTEL_EXPORTER_OTLP_ENDPOINT"))),
	}
	if !isHTTPURL(c.ServerURL) {
		return c, fmt.Errorf("PYROSCOPE_URL %q is not an http(s) URL such as %s", c.ServerURL, defaultServerURL)
	}
	if c.TracesEndpoint != "" && !isHTTPURL(c.TracesEndpoint) {
		return c, fmt.Errorf("OTLP endpoint %q is not an http(s) URL such as %s (the demo sends traces over OTLP/HTTP)", c.TracesEndpoint, exampleTracesURL)
	}
	if c.PprofAddr == "off" {
		c.PprofAddr = ""
	}
	if !c.Push && c.PprofAddr == "" {
		return c, fmt.Errorf("PYROSCOPE_PUSH=off and PPROF_ADDR=off leave no way to get profiles out")
	}
	return c, nil
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func orDefault(v, def string) string {
	if v = strings.TrimSpace(v); v != "" {
		return v
	}
	return def
}

// envConfig reads the process environment.
func envConfig() (config, error) { return loadConfig(os.Getenv) }
