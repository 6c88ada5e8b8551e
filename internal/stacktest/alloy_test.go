package stacktest

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Alloy's pull pipeline must scrape a demo that does not push (the SDK would
// hold Go's only CPU profiler) and write to the compose Pyroscope, the same
// server the demo pushes to and Grafana reads.
func TestAlloyScrapesTheDemoIntoTheStackPyroscope(t *testing.T) {
	cfg := string(readFile(t, "alloy/config.alloy"))
	c := loadCompose(t)

	if !strings.Contains(cfg, `"__address__" = "demo-pull:6060"`) {
		t.Error("alloy/config.alloy does not scrape demo-pull:6060, the pull-only demo's pprof endpoint")
	}
	pull := c.Services["demo-pull"]
	if pull.Environment["PYROSCOPE_PUSH"] != "off" || !slices.Equal(pull.Profiles, []string{"alloy"}) {
		t.Errorf("demo-pull must run with PYROSCOPE_PUSH=off behind the alloy profile, got %v %v", pull.Environment, pull.Profiles)
	}
	if c.Services["alloy"].DependsOn["demo-pull"]["condition"] != "service_healthy" {
		t.Error("alloy must wait for a healthy demo-pull")
	}
	if !regexp.MustCompile(`pyroscope\.scrape\s+"demo"[\s\S]*forward_to\s*=\s*\[pyroscope\.write\.local\.receiver\]`).MatchString(cfg) {
		t.Error("the scrape does not forward to pyroscope.write.local")
	}
	if !regexp.MustCompile(`pyroscope\.write\s+"local"\s*\{\s*endpoint\s*\{\s*url\s*=\s*"http://pyroscope:4040"`).MatchString(cfg) {
		t.Error("pyroscope.write does not write to http://pyroscope:4040")
	}
	if got := c.Services["demo"].Environment["PYROSCOPE_URL"]; got != "http://pyroscope:4040" {
		t.Errorf("the demo pushes to %q, not the compose Pyroscope", got)
	}
	var p provisionedDatasources
	readYAML(t, "provisioning/datasources/embers.yaml", &p)
	if len(p.Datasources) == 0 || p.Datasources[0].URL != "http://pyroscope:4040" {
		t.Error("the provisioned datasource does not read the compose Pyroscope")
	}
	if !hasMount(c.Services["alloy"].Volumes, "./alloy/config.alloy", "/etc/alloy/config.alloy") ||
		!slices.Contains(c.Services["alloy"].Command, "/etc/alloy/config.alloy") {
		t.Error("alloy must mount and run ./alloy/config.alloy")
	}
}
