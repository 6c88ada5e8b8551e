package stacktest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	yaml "go.yaml.in/yaml/v3"

	"github.com/embers/embers/pkg/models"
)

const (
	k8sDir = "deploy/kubernetes/"
	// The Pyroscope the pyroscope chart makes as release "pyroscope" in namespace "pyroscope".
	clusterPyroscopeURL = "http://pyroscope.pyroscope.svc.cluster.local.:4040"
)

type pluginJSON struct {
	ID   string `json:"id"`
	Info struct {
		Author struct {
			URL string `json:"url"`
		} `json:"author"`
	} `json:"info"`
}

func readPluginJSON(t *testing.T, rel string) pluginJSON {
	t.Helper()
	var p pluginJSON
	if err := json.Unmarshal(readFile(t, rel), &p); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return p
}

func packageVersion(t *testing.T) string {
	t.Helper()
	var pkg struct{ Version string }
	if err := json.Unmarshal(readFile(t, "package.json"), &pkg); err != nil || pkg.Version == "" {
		t.Fatalf("package.json has no version: %v", err)
	}
	return pkg.Version
}

type grafanaValues struct {
	Plugins    []string `yaml:"plugins"`
	GrafanaIni struct {
		Plugins struct {
			AllowUnsigned string `yaml:"allow_loading_unsigned_plugins"`
		} `yaml:"plugins"`
	} `yaml:"grafana.ini"`
	Datasources struct {
		File provisionedDatasources `yaml:"datasources.yaml"`
	} `yaml:"datasources"`
	ExtraConfigmapMounts []struct {
		ConfigMap string `yaml:"configMap"`
		MountPath string `yaml:"mountPath"`
	} `yaml:"extraConfigmapMounts"`
	ExtraObjects []struct {
		Kind     string `yaml:"kind"`
		Metadata struct {
			Name string `yaml:"name"`
		} `yaml:"metadata"`
		Data map[string]string `yaml:"data"`
	} `yaml:"extraObjects"`
}

// envVar is a container environment variable as a chart's values list it.
type envVar struct {
	Name      string `yaml:"name"`
	ValueFrom struct {
		FieldRef struct {
			FieldPath string `yaml:"fieldPath"`
		} `yaml:"fieldRef"`
	} `yaml:"valueFrom"`
}

// readYAMLText parses YAML held inside another file (a config map's data).
func readYAMLText(t *testing.T, name, text string, into any) {
	t.Helper()
	if err := yaml.Unmarshal([]byte(text), into); err != nil {
		t.Fatalf("%s is not valid YAML: %v", name, err)
	}
}

func loadGrafanaValues(t *testing.T) grafanaValues {
	t.Helper()
	var v grafanaValues
	readYAML(t, k8sDir+"grafana-values.yaml", &v)
	return v
}

// The chart installs the zip `make package` names, from the release the tag
// workflow attaches it to, under the app's id.
func TestGrafanaChartInstallsTheReleaseZip(t *testing.T) {
	v := loadGrafanaValues(t)
	app := readPluginJSON(t, "src/plugin.json")
	version := packageVersion(t)
	if len(v.Plugins) != 1 {
		t.Fatalf("plugins = %v; want the Embers release zip alone", v.Plugins)
	}
	want := fmt.Sprintf("%s/releases/download/v%s/%s-%s.zip;%s", app.Info.Author.URL, version, app.ID, version, app.ID)
	if v.Plugins[0] != want {
		t.Errorf("plugins[0] = %q\nwant        %q (the repository in src/plugin.json, tag v<package.json version>, the zip make package writes)", v.Plugins[0], want)
	}
}

func TestGrafanaChartAllowsExactlyOurUnsignedPlugins(t *testing.T) {
	var want []string
	for _, rel := range []string{"src/plugin.json", "src/datasource/plugin.json", "src/panel/plugin.json"} {
		want = append(want, readPluginJSON(t, rel).ID)
	}
	got := strings.Split(loadGrafanaValues(t).GrafanaIni.Plugins.AllowUnsigned, ",")
	sort.Strings(want)
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("allow_loading_unsigned_plugins = %v; want the three plugin ids %v", got, want)
	}
}

func TestGrafanaChartProvisionsTheDatasourceAtTheClusterPyroscope(t *testing.T) {
	ds := loadGrafanaValues(t).Datasources.File.Datasources
	if len(ds) != 1 {
		t.Fatalf("want one provisioned datasource, got %d", len(ds))
	}
	if ds[0].Type != readPluginJSON(t, "src/datasource/plugin.json").ID || ds[0].URL != clusterPyroscopeURL {
		t.Errorf("datasource %s at %s; want %s at %s", ds[0].Type, ds[0].URL, ourDatasourceType, clusterPyroscopeURL)
	}
	if len(ds[0].SecureJSONData) > 0 {
		t.Error("credentials belong in a Secret, not in the values file")
	}
	raw, err := json.Marshal(ds[0].JSONData)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := models.LoadSettings(backend.DataSourceInstanceSettings{URL: ds[0].URL, JSONData: raw}); err != nil {
		t.Errorf("the backend rejects the chart's datasource settings: %v", err)
	}
}

// The dashboards come with the app: provisioning enables it and Grafana imports them.
func TestGrafanaChartEnablesTheAppThroughAMountedProvisioningFile(t *testing.T) {
	v := loadGrafanaValues(t)
	var mounted string
	for _, m := range v.ExtraConfigmapMounts {
		if m.MountPath == "/etc/grafana/provisioning/plugins" {
			mounted = m.ConfigMap
		}
	}
	if mounted == "" {
		t.Fatalf("no config map is mounted at /etc/grafana/provisioning/plugins: %+v", v.ExtraConfigmapMounts)
	}
	found := false
	for _, obj := range v.ExtraObjects {
		if obj.Kind != "ConfigMap" || obj.Metadata.Name != mounted {
			continue
		}
		found = true
		for name, text := range obj.Data {
			var p struct {
				Apps []struct {
					Type     string `yaml:"type"`
					Disabled bool   `yaml:"disabled"`
				} `yaml:"apps"`
			}
			readYAMLText(t, name, text, &p)
			if len(p.Apps) != 1 || p.Apps[0].Type != readPluginJSON(t, "src/plugin.json").ID || p.Apps[0].Disabled {
				t.Errorf("%s in config map %s enables %+v; want embers-profiling-app enabled", name, mounted, p.Apps)
			}
		}
	}
	if !found {
		t.Errorf("extraObjects has no ConfigMap %q for the mount", mounted)
	}
}

func TestPyroscopeChartStoresProfilesInObjectStorageAndLeavesProfilingToAlloy(t *testing.T) {
	var v struct {
		Pyroscope struct {
			ExtraArgs        map[string]string `yaml:"extraArgs"`
			StructuredConfig struct {
				Storage struct {
					Backend string `yaml:"backend"`
					S3      struct {
						BucketName string `yaml:"bucket_name"`
						Endpoint   string `yaml:"endpoint"`
					} `yaml:"s3"`
				} `yaml:"storage"`
			} `yaml:"structuredConfig"`
		} `yaml:"pyroscope"`
		Alloy struct {
			Enabled bool `yaml:"enabled"`
		} `yaml:"alloy"`
	}
	readYAML(t, k8sDir+"pyroscope-values.yaml", &v)
	s := v.Pyroscope.StructuredConfig.Storage
	if s.Backend != "s3" || s.S3.BucketName == "" || s.S3.Endpoint == "" {
		t.Errorf("storage = %+v; want an s3 backend with a bucket and an endpoint", s)
	}
	if v.Pyroscope.ExtraArgs["architecture.storage"] != "v2" {
		t.Errorf("extraArgs = %v; want architecture.storage v2, the storage the backend is written against", v.Pyroscope.ExtraArgs)
	}
	if v.Alloy.Enabled {
		t.Error("the chart's own Alloy would profile beside the eBPF DaemonSet")
	}
}

func TestAlloyRunsTheEBPFConfigOnEveryNode(t *testing.T) {
	var v struct {
		Controller struct {
			Type    string `yaml:"type"`
			HostPID bool   `yaml:"hostPID"`
		} `yaml:"controller"`
		Alloy struct {
			ConfigMap struct {
				Create bool   `yaml:"create"`
				Name   string `yaml:"name"`
				Key    string `yaml:"key"`
			} `yaml:"configMap"`
			SecurityContext struct {
				Privileged bool `yaml:"privileged"`
			} `yaml:"securityContext"`
			ExtraEnv []envVar `yaml:"extraEnv"`
		} `yaml:"alloy"`
	}
	readYAML(t, k8sDir+"alloy-values.yaml", &v)
	if v.Controller.Type != "daemonset" || !v.Controller.HostPID || !v.Alloy.SecurityContext.Privileged {
		t.Errorf("controller %+v, privileged %v; eBPF needs a privileged daemonset in the host PID namespace", v.Controller, v.Alloy.SecurityContext.Privileged)
	}
	cm := v.Alloy.ConfigMap
	if cm.Create || cm.Key != "config.alloy" {
		t.Errorf("configMap = %+v; want the config map made from deploy/kubernetes/config.alloy under the key config.alloy", cm)
	}
	readme := string(readFile(t, k8sDir+"alloy-values.yaml")) + string(readFile(t, "README.md"))
	if want := fmt.Sprintf("create configmap %s --from-file=config.alloy", cm.Name); !strings.Contains(readme, want) {
		t.Errorf("neither alloy-values.yaml nor the README says to run `kubectl ... %s`", want)
	}
	cfg := string(readFile(t, k8sDir+"config.alloy"))
	nodeEnv := regexp.MustCompile(`spec\.nodeName=" \+ sys\.env\("(\w+)"\)`).FindStringSubmatch(cfg)
	if nodeEnv == nil {
		t.Fatal("config.alloy does not limit discovery to this node's pods (spec.nodeName=<env>)")
	}
	setsNode := slices.ContainsFunc(v.Alloy.ExtraEnv, func(e envVar) bool {
		return e.Name == nodeEnv[1] && e.ValueFrom.FieldRef.FieldPath == "spec.nodeName"
	})
	if !setsNode {
		t.Errorf("config.alloy reads $%s, but alloy-values.yaml does not set it from spec.nodeName", nodeEnv[1])
	}
}

// The eBPF pipeline: pods on this node → relabel (service_name from namespace and
// container) → pyroscope.ebpf → the Pyroscope Grafana reads.
func TestAlloyEBPFConfigNamesServicesAndWritesToTheClusterPyroscope(t *testing.T) {
	cfg := string(readFile(t, k8sDir+"config.alloy"))
	checks := []struct{ what, pattern string }{
		{"discovery.kubernetes of pods", `discovery\.kubernetes\s+"(\w+)"\s*\{\s*role\s*=\s*"pod"`},
		{"a relabel fed by that discovery", `discovery\.relabel\s+"(\w+)"\s*\{\s*targets\s*=\s*discovery\.kubernetes\.\w+\.targets`},
		{"service_name from namespace/container", `source_labels\s*=\s*\["__meta_kubernetes_namespace",\s*"__meta_kubernetes_pod_container_name"\]\s*separator\s*=\s*"/"\s*target_label\s*=\s*"service_name"`},
		{"pyroscope.ebpf on the relabelled targets", `pyroscope\.ebpf\s+"\w+"\s*\{\s*targets\s*=\s*discovery\.relabel\.\w+\.output\s*forward_to\s*=\s*\[pyroscope\.write\.\w+\.receiver\]`},
		{"pyroscope.write to the cluster Pyroscope", `pyroscope\.write\s+"\w+"\s*\{\s*endpoint\s*\{\s*url\s*=\s*"` + regexp.QuoteMeta(clusterPyroscopeURL) + `"`},
	}
	for _, c := range checks {
		if !regexp.MustCompile(c.pattern).MatchString(cfg) {
			t.Errorf("config.alloy has no %s", c.what)
		}
	}
	// Component references must name components the file declares.
	for _, ref := range regexp.MustCompile(`(discovery\.kubernetes|discovery\.relabel|pyroscope\.write)\.(\w+)\.`).FindAllStringSubmatch(cfg, -1) {
		if !regexp.MustCompile(regexp.QuoteMeta(ref[1]) + `\s+"` + ref[2] + `"`).MatchString(cfg) {
			t.Errorf("config.alloy refers to %s %q, which it never declares", ref[1], ref[2])
		}
	}
}
