package stacktest

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Alloy's pull pipeline must scrape the demo where it serves pprof and write to
// the compose Pyroscope, the same server the demo pushes to and Grafana reads.
func TestAlloyScrapesTheDemoIntoTheStackPyroscope(t *testing.T) {
	cfg := string(readFile(t, "alloy/config.alloy"))
	c := loadCompose(t)

	if !strings.Contains(cfg, `"__address__" = "demo:6060"`) {
		t.Error("alloy/config.alloy does not scrape demo:6060, the demo's pprof endpoint")
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
