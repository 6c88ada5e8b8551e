package main

import (
	"strings"
	"testing"
)

func TestLoadConfig(t *testing.T) {
	env := envOf
	c, err := loadConfig(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.ServerURL != "http://pyroscope:4040" || c.Region != "eu-north" || c.PprofAddr != ":6060" {
		t.Errorf("defaults = %+v, want the compose service URL, region eu-north, pprof on :6060", c)
	}

	c, err = loadConfig(env(map[string]string{"PYROSCOPE_URL": "https://profiles.example.net", "PPROF_ADDR": "off", "PYROSCOPE_TENANT_ID": " team-a "}))
	if err != nil {
		t.Fatal(err)
	}
	if c.ServerURL != "https://profiles.example.net" || c.PprofAddr != "" || c.TenantID != "team-a" {
		t.Errorf("overrides = %+v", c)
	}

	if !c.Push {
		t.Error("pushing must be on by default")
	}
	c, err = loadConfig(env(map[string]string{"PYROSCOPE_PUSH": "off"}))
	if err != nil || c.Push || c.PprofAddr != ":6060" {
		t.Errorf("PYROSCOPE_PUSH=off: %+v, %v; want pull only, pprof on :6060", c, err)
	}
	if _, err := loadConfig(env(map[string]string{"PYROSCOPE_PUSH": "off", "PPROF_ADDR": "off"})); err == nil {
		t.Error("neither push nor pull was accepted; the demo would profile for nobody")
	}

	for _, bad := range []string{"pyroscope:4040", "ftp://pyroscope", "http://"} {
		_, err := loadConfig(env(map[string]string{"PYROSCOPE_URL": bad}))
		if err == nil || !strings.Contains(err.Error(), "PYROSCOPE_URL") {
			t.Errorf("PYROSCOPE_URL=%q: error %v, want one naming PYROSCOPE_URL", bad, err)
		}
	}
}
