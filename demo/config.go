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
}

const (
	applicationName  = "embers-demo"
	defaultServerURL = "http://pyroscope:4040"
	defaultRegion    = "eu-north"
	defaultPprofAddr = ":6060"
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
	}
	u, err := url.Parse(c.ServerURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, fmt.Errorf("PYROSCOPE_URL %q is not an http(s) URL such as %s", c.ServerURL, defaultServerURL)
	}
	if c.PprofAddr == "off" {
		c.PprofAddr = ""
	}
	if !c.Push && c.PprofAddr == "" {
		return c, fmt.Errorf("PYROSCOPE_PUSH=off and PPROF_ADDR=off leave no way to get profiles out")
	}
	return c, nil
}

func orDefault(v, def string) string {
	if v = strings.TrimSpace(v); v != "" {
		return v
	}
	return def
}

// envConfig reads the process environment.
func envConfig() (config, error) { return loadConfig(os.Getenv) }
