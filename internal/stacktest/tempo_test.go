package stacktest

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/embers/embers/pkg/models"
)

// tempoConfig is the part of tempo/tempo.yaml the stack relies on.
type tempoConfig struct {
	Server struct {
		HTTPListenPort int `yaml:"http_listen_port"`
	} `yaml:"server"`
	Distributor struct {
		Receivers struct {
			OTLP struct {
				Protocols map[string]struct {
					Endpoint string `yaml:"endpoint"`
				} `yaml:"protocols"`
			} `yaml:"otlp"`
		} `yaml:"receivers"`
	} `yaml:"distributor"`
	Storage struct {
		Trace struct {
			Backend string `yaml:"backend"`
			WAL     struct {
				Path string `yaml:"path"`
			} `yaml:"wal"`
			Local struct {
				Path string `yaml:"path"`
			} `yaml:"local"`
		} `yaml:"trace"`
	} `yaml:"storage"`
}

const tempoData = "/var/tempo"

func loadTempoConfig(t *testing.T) tempoConfig {
	t.Helper()
	var c tempoConfig
	readYAML(t, "tempo/tempo.yaml", &c)
	return c
}

// Tempo 2.x, single process, its config from the repo and its traces in a
// named volume, so a `docker compose down` keeps them.
func TestTempoRunsItsConfigWithLocalStorageInAVolume(t *testing.T) {
	c := loadCompose(t)
	s := c.Services["tempo"]
	if !slices.Contains(s.Command, "-config.file=/etc/tempo/tempo.yaml") {
		t.Errorf("tempo command %v does not run /etc/tempo/tempo.yaml", s.Command)
	}
	if !hasMount(s.Volumes, "./tempo/tempo.yaml", "/etc/tempo/tempo.yaml") {
		t.Errorf("tempo must mount ./tempo/tempo.yaml at /etc/tempo/tempo.yaml, got %v", s.Volumes)
	}
	if !hasMount(s.Volumes, "tempo-data", tempoData) {
		t.Errorf("tempo must keep %s in the named volume tempo-data, got %v", tempoData, s.Volumes)
	}
	if _, ok := c.Volumes["tempo-data"]; !ok {
		t.Error("the volume tempo-data is not declared")
	}
	cfg := loadTempoConfig(t)
	st := cfg.Storage.Trace
	if st.Backend != "local" || !strings.HasPrefix(st.WAL.Path, tempoData+"/") || !strings.HasPrefix(st.Local.Path, tempoData+"/") {
		t.Errorf("storage = %+v; want the local backend with wal and blocks under %s", st, tempoData)
	}
	if cfg.Server.HTTPListenPort != 3200 {
		t.Errorf("http_listen_port = %d, want 3200 (published, and asked by the healthcheck)", cfg.Server.HTTPListenPort)
	}
	// Tempo's receivers listen on localhost unless told; the demo is another container.
	if got := cfg.Distributor.Receivers.OTLP.Protocols["http"].Endpoint; got != "0.0.0.0:4318" {
		t.Errorf("OTLP/HTTP receiver on %q, want 0.0.0.0:4318", got)
	}
}

// The image is distroless; the healthcheck runs profilecli, which
// tempo/Dockerfile copies from the stack's own Pyroscope image.
func TestTempoImageIsPinnedAndHasItsReadinessProbe(t *testing.T) {
	c := loadCompose(t)
	d := parseDockerfile(t, "tempo/Dockerfile")
	if len(d.froms) != 2 || !strings.HasPrefix(d.froms[1], "grafana/tempo:2.") {
		t.Fatalf("tempo/Dockerfile bases %v; want the Pyroscope stage, then a grafana/tempo 2.x release", d.froms)
	}
	if d.froms[0] != c.Services["pyroscope"].Image {
		t.Errorf("profilecli comes from %s but the stack runs %s; keep them one image", d.froms[0], c.Services["pyroscope"].Image)
	}
	if !strings.Contains(d.text, "COPY --from=pyroscope /usr/bin/profilecli /usr/bin/profilecli") {
		t.Error("tempo/Dockerfile does not copy /usr/bin/profilecli from the Pyroscope stage")
	}
	hc := c.Services["tempo"].Healthcheck
	want := []string{"CMD", "/usr/bin/profilecli", "ready", fmt.Sprintf("--url=http://127.0.0.1:%d", loadTempoConfig(t).Server.HTTPListenPort)}
	if hc == nil || !slices.Equal(hc.Test, want) {
		t.Errorf("tempo healthcheck %+v, want %v", hc, want)
	}
}

// The demo sends its spans to the stack's Tempo, and nothing waits for Tempo:
// a Tempo that is down must not stop the profiles.
func TestDemoSendsItsSpansToTheStackTempoWithoutWaitingForIt(t *testing.T) {
	c := loadCompose(t)
	port := strings.TrimPrefix(loadTempoConfig(t).Distributor.Receivers.OTLP.Protocols["http"].Endpoint, "0.0.0.0:")
	if got := c.Services["demo"].Environment["OTEL_EXPORTER_OTLP_ENDPOINT"]; got != "http://tempo:"+port {
		t.Errorf("demo OTEL_EXPORTER_OTLP_ENDPOINT = %q, want http://tempo:%s", got, port)
	}
	for name, s := range c.Services {
		if _, ok := s.DependsOn["tempo"]; ok {
			t.Errorf("%s waits for tempo; traces are an extra and must not hold it back", name)
		}
	}
}

type tracesToProfiles struct {
	DatasourceUID string `yaml:"datasourceUid"`
	ProfileTypeID string `yaml:"profileTypeId"`
	Tags          []struct {
		Key   string `yaml:"key"`
		Value string `yaml:"value"`
	} `yaml:"tags"`
	CustomQuery *bool `yaml:"customQuery"`
}

func TestTempoDatasourceLinksSpansToTheProvisionedEmbers(t *testing.T) {
	var tempo struct {
		Datasources []struct {
			Type     string `yaml:"type"`
			UID      string `yaml:"uid"`
			URL      string `yaml:"url"`
			JSONData struct {
				TracesToProfiles tracesToProfiles `yaml:"tracesToProfiles"`
			} `yaml:"jsonData"`
		} `yaml:"datasources"`
	}
	readYAML(t, "provisioning/datasources/tempo.yaml", &tempo)
	var embers provisionedDatasources
	readYAML(t, "provisioning/datasources/embers.yaml", &embers)
	if len(tempo.Datasources) != 1 || tempo.Datasources[0].Type != "tempo" {
		t.Fatalf("want one tempo datasource, got %+v", tempo.Datasources)
	}
	ds := tempo.Datasources[0]
	if u, err := url.Parse(ds.URL); err != nil || u.Host != fmt.Sprintf("tempo:%d", loadTempoConfig(t).Server.HTTPListenPort) {
		t.Errorf("tempo datasource url %q, want the compose service on its http_listen_port", ds.URL)
	}
	if ds.UID == "" || ds.UID == embers.Datasources[0].UID {
		t.Errorf("tempo datasource uid %q must be set and differ from Embers'", ds.UID)
	}
	tp := ds.JSONData.TracesToProfiles
	if tp.DatasourceUID != embers.Datasources[0].UID {
		t.Errorf("tracesToProfiles.datasourceUid = %q, want the provisioned Embers uid %q", tp.DatasourceUID, embers.Datasources[0].UID)
	}
	pt, err := models.ParseProfileType(tp.ProfileTypeID)
	if err != nil || pt.ID != "process_cpu:cpu:nanoseconds:cpu:nanoseconds" {
		t.Errorf("tracesToProfiles.profileTypeId %q (%v), want the CPU type the demo pushes", tp.ProfileTypeID, err)
	}
	if len(tp.Tags) != 1 || tp.Tags[0].Key != "service.name" || tp.Tags[0].Value != "service_name" {
		t.Errorf("tracesToProfiles.tags = %+v, want service.name mapped to service_name", tp.Tags)
	}
	if tp.CustomQuery == nil || *tp.CustomQuery {
		t.Error("tracesToProfiles.customQuery must be false: the link builds its selector from the tags")
	}
}
