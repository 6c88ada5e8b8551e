package stacktest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/embers/embers/internal/testpaths"
)

type composeFile struct {
	Services map[string]composeService `yaml:"services"`
	Volumes  map[string]any            `yaml:"volumes"`
}

type composeService struct {
	Image       string                       `yaml:"image"`
	Build       any                          `yaml:"build"`
	Command     []string                     `yaml:"command"`
	Ports       []string                     `yaml:"ports"`
	Volumes     []string                     `yaml:"volumes"`
	Environment map[string]string            `yaml:"environment"`
	Healthcheck *struct{ Test []string }     `yaml:"healthcheck"`
	DependsOn   map[string]map[string]string `yaml:"depends_on"`
	Profiles    []string                     `yaml:"profiles"`
}

func loadCompose(t *testing.T) composeFile {
	t.Helper()
	var c composeFile
	readYAML(t, "docker-compose.yaml", &c)
	return c
}

func TestComposeHasTheStackServices(t *testing.T) {
	c := loadCompose(t)
	for _, name := range []string{"pyroscope", "grafana", "demo", "tempo"} {
		s, ok := c.Services[name]
		if !ok {
			t.Errorf("service %q is missing", name)
			continue
		}
		if len(s.Profiles) > 0 {
			t.Errorf("service %q is behind profile %v; `docker compose up` must start it", name, s.Profiles)
		}
	}
	if s, ok := c.Services["alloy"]; !ok || !slices.Equal(s.Profiles, []string{"alloy"}) {
		t.Errorf("alloy must exist behind the compose profile \"alloy\", got %+v", s.Profiles)
	}
	if c.Services["grafana"].Build == nil || c.Services["demo"].Build == nil {
		t.Error("grafana and demo must be built from this checkout (build:), not pulled")
	}
}

// pinnedTag matches a release tag (1.2, v1.2.3, 1.26.8-bookworm), never "latest".
var pinnedTag = regexp.MustCompile(`^v?\d+\.\d+(\.\d+)?(-[a-z0-9.]+)?$`)

func checkPinned(t *testing.T, where, image string) {
	t.Helper()
	ref := image
	if i := strings.Index(ref, "@sha256:"); i >= 0 {
		ref = ref[:i]
	}
	slash := strings.LastIndex(ref, "/")
	colon := strings.LastIndex(ref, ":")
	if colon < slash+1 {
		t.Errorf("%s: image %q has no tag; pin a release", where, image)
		return
	}
	if tag := ref[colon+1:]; !pinnedTag.MatchString(tag) {
		t.Errorf("%s: image %q has tag %q; pin a release version, not a moving tag", where, image, tag)
	}
}

func TestComposeImagesArePinned(t *testing.T) {
	for name, s := range loadCompose(t).Services {
		if s.Build == nil && s.Image == "" {
			t.Errorf("service %q has neither image nor build", name)
		}
		if s.Image != "" {
			checkPinned(t, "docker-compose.yaml service "+name, s.Image)
		}
	}
}

func TestPyroscopeRunsTheV2StorageAndChecksReadinessWithoutAShell(t *testing.T) {
	p := loadCompose(t).Services["pyroscope"]
	if !strings.HasPrefix(p.Image, "grafana/pyroscope:2.") {
		t.Errorf("pyroscope image %q, want an official 2.x release", p.Image)
	}
	if !slices.Contains(p.Command, "-architecture.storage=v2") {
		t.Errorf("pyroscope command %v lacks -architecture.storage=v2 (dual mode hides fresh data)", p.Command)
	}
	if !slices.Contains(p.Command, "-config.file=/etc/pyroscope/config.yaml") {
		t.Errorf("pyroscope command %v drops the image's own -config.file", p.Command)
	}
	if p.Healthcheck == nil || len(p.Healthcheck.Test) < 3 || p.Healthcheck.Test[0] != "CMD" ||
		p.Healthcheck.Test[1] != "profilecli" || p.Healthcheck.Test[2] != "ready" {
		t.Errorf("pyroscope healthcheck must be [CMD profilecli ready ...] (distroless: no shell), got %+v", p.Healthcheck)
	}
	if !hasMount(p.Volumes, "pyroscope-data", "/data") {
		t.Errorf("pyroscope must keep /data in the named volume pyroscope-data, got %v", p.Volumes)
	}
}

func TestEveryServiceHasAHealthcheckAndWaitsForHealthyDependencies(t *testing.T) {
	c := loadCompose(t)
	for name, s := range c.Services {
		if s.Healthcheck == nil || len(s.Healthcheck.Test) == 0 || s.Healthcheck.Test[0] == "NONE" {
			t.Errorf("service %q has no healthcheck", name)
		}
		for dep, opts := range s.DependsOn {
			if opts["condition"] != "service_healthy" {
				t.Errorf("%s depends on %s with condition %q, want service_healthy", name, dep, opts["condition"])
			}
			if _, ok := c.Services[dep]; !ok {
				t.Errorf("%s depends on unknown service %s", name, dep)
			}
		}
	}
	for _, name := range []string{"grafana", "demo"} {
		if c.Services[name].DependsOn["pyroscope"]["condition"] != "service_healthy" {
			t.Errorf("%s must wait for a healthy pyroscope", name)
		}
	}
}

// portSpec is "${VAR:-host}:container".
var portSpec = regexp.MustCompile(`^\$\{([A-Z_]+):-(\d+)\}:(\d+)$`)

func TestPortsAreTheDocumentedOnesAndOverridable(t *testing.T) {
	// service: "host port by default:container port", each published once.
	want := map[string][]string{
		"pyroscope": {"4040:4040"}, "grafana": {"3000:3000"}, "demo": {"6060:6060"},
		"demo-pull": {"6061:6060"}, "alloy": {"12345:12345"}, "tempo": {"3200:3200", "4318:4318"},
	}
	header := composeHeader(t)
	for name, s := range loadCompose(t).Services {
		var got []string
		for _, p := range s.Ports {
			m := portSpec.FindStringSubmatch(p)
			if m == nil {
				t.Errorf("%s port %q: use \"${NAME_PORT:-<default>}:<container port>\" so it can be moved", name, p)
				continue
			}
			got = append(got, m[2]+":"+m[3])
			if !strings.Contains(header, m[1]+" ("+m[2]) {
				t.Errorf("%s port %q: the compose file's header does not document %s (%s)", name, p, m[1], m[2])
			}
		}
		if !slices.Equal(got, want[name]) {
			t.Errorf("%s publishes %v, want %v", name, got, want[name])
		}
	}
}

// composeHeader is the comment block at the top of docker-compose.yaml.
func composeHeader(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.Split(string(readFile(t, "docker-compose.yaml")), "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// pluginDir is where the Dockerfile installs the plugin in the Grafana image.
const pluginDir = "/var/lib/grafana/plugins/embers-profiling-app"

// The dashboards reach Grafana one way: the app's includes, which Grafana imports
// when provisioning enables the app. A file provider loading the same uids as
// well would leave two copies fighting over them.
func TestGrafanaGetsTheDashboardsFromTheAppAlone(t *testing.T) {
	g := loadCompose(t).Services["grafana"]
	if !hasMount(g.Volumes, "./provisioning", "/etc/grafana/provisioning") {
		t.Errorf("grafana must mount ./provisioning at /etc/grafana/provisioning, got %v", g.Volumes)
	}
	for _, v := range g.Volumes {
		if strings.HasPrefix(v, "./src/dashboards") {
			t.Errorf("grafana mounts %q: the app already brings its dashboards", v)
		}
	}
	providers, err := filepath.Glob(filepath.Join(testpaths.RepoRoot(t), "provisioning", "dashboards", "*.y*ml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(providers) > 0 {
		t.Errorf("dashboard providers %v would provision dashboards the app also imports", providers)
	}
	home := g.Environment["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
	rel, ok := strings.CutPrefix(home, pluginDir+"/")
	if !ok || !slices.Contains(appDashboardIncludes(t), rel) {
		t.Errorf("home dashboard %q is not one of the app's dashboards under %s (%v)", home, pluginDir, appDashboardIncludes(t))
	}
}

func TestGrafanaSettingsAreOverridableAndKeepThePluginTheImageHolds(t *testing.T) {
	g := loadCompose(t).Services["grafana"]
	for _, key := range []string{"GF_AUTH_ANONYMOUS_ENABLED", "GF_AUTH_ANONYMOUS_ORG_ROLE", "GF_SECURITY_ADMIN_PASSWORD"} {
		if !strings.HasPrefix(g.Environment[key], "${") {
			t.Errorf("grafana %s = %q: make it overridable with ${NAME:-default}", key, g.Environment[key])
		}
	}
	for _, v := range g.Volumes {
		if dst := strings.Split(v, ":")[1]; dst == "/var/lib/grafana" || strings.HasPrefix(dst, "/var/lib/grafana/plugins") {
			t.Errorf("grafana mounts %q over the plugin the image holds: a rebuild would keep serving the old plugin", v)
		}
	}
}

// Every bind mount's source must exist, or compose creates an empty folder in its place.
func TestBindMountSourcesExist(t *testing.T) {
	root := testpaths.RepoRoot(t)
	for name, s := range loadCompose(t).Services {
		for _, v := range s.Volumes {
			src := strings.SplitN(v, ":", 2)[0]
			if !strings.HasPrefix(src, ".") {
				continue
			}
			if _, err := os.Stat(filepath.Join(root, src)); err != nil {
				t.Errorf("%s mounts %s, which does not exist", name, src)
			}
		}
	}
}

func hasMount(volumes []string, src, dst string) bool {
	for _, v := range volumes {
		parts := strings.Split(v, ":")
		if len(parts) >= 2 && parts[0] == src && parts[1] == dst {
			return true
		}
	}
	return false
}
