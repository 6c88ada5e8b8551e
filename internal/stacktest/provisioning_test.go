package stacktest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/models"
)

type provisionedDatasources struct {
	Datasources []struct {
		Name           string            `yaml:"name"`
		Type           string            `yaml:"type"`
		UID            string            `yaml:"uid"`
		URL            string            `yaml:"url"`
		JSONData       map[string]any    `yaml:"jsonData"`
		SecureJSONData map[string]string `yaml:"secureJsonData"`
	} `yaml:"datasources"`
}

func TestProvisionedDatasourceLoadsWithTheBackendSettings(t *testing.T) {
	var p provisionedDatasources
	readYAML(t, "provisioning/datasources/embers.yaml", &p)
	if len(p.Datasources) != 1 {
		t.Fatalf("want one provisioned datasource, got %d", len(p.Datasources))
	}
	ds := p.Datasources[0]
	if ds.Type != ourDatasourceType || ds.UID != "embers-pyroscope" || ds.URL != "http://pyroscope:4040" {
		t.Errorf("datasource = %s/%s at %s; want %s/embers-pyroscope at http://pyroscope:4040", ds.Type, ds.UID, ds.URL, ourDatasourceType)
	}
	// A quoted timeout would reach the SDK as a string, which it reads as "no timeout".
	if _, ok := ds.JSONData["timeout"].(int); !ok {
		t.Errorf("jsonData.timeout = %#v (%T); want a number of seconds", ds.JSONData["timeout"], ds.JSONData["timeout"])
	}
	raw, err := json.Marshal(ds.JSONData)
	if err != nil {
		t.Fatal(err)
	}
	s, err := models.LoadSettings(backend.DataSourceInstanceSettings{URL: ds.URL, JSONData: raw})
	if err != nil {
		t.Fatalf("the backend rejects the provisioned settings: %v", err)
	}
	if s.Timeout != 30*time.Second || s.MinStep != 15*time.Second || s.MaxNodes != 16384 {
		t.Errorf("settings = timeout %v, min step %v, max nodes %d; want 30s, 15s, 16384", s.Timeout, s.MinStep, s.MaxNodes)
	}
	if len(ds.SecureJSONData) > 0 {
		t.Error("the demo datasource needs no secrets; never commit secureJsonData")
	}
}

// The dashboards start on the provisioned datasource.
func TestDashboardsStartOnTheProvisionedDatasource(t *testing.T) {
	for _, f := range dashboardFiles(t) {
		d := loadDashboard(t, f)
		if got := sampleValues(t, d)["datasource"]; got != "embers-pyroscope" {
			t.Errorf("%s: datasource variable starts on %q, want the provisioned uid embers-pyroscope", d.Title, got)
		}
	}
}

func TestAppIsEnabledByProvisioning(t *testing.T) {
	var p struct {
		Apps []struct {
			Type     string `yaml:"type"`
			Disabled bool   `yaml:"disabled"`
		} `yaml:"apps"`
	}
	readYAML(t, "provisioning/plugins/apps.yaml", &p)
	if len(p.Apps) != 1 || p.Apps[0].Type != "embers-profiling-app" || p.Apps[0].Disabled {
		t.Errorf("apps = %+v; want embers-profiling-app enabled", p.Apps)
	}
}
