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

type dockerfile struct {
	froms []string // base images, without stage names
	runs  []string // RUN commands, whitespace-normalised
	text  string
}

func parseDockerfile(t *testing.T, rel string) dockerfile {
	t.Helper()
	var d dockerfile
	d.text = string(readFile(t, rel))
	// Join continuation lines first.
	joined := strings.ReplaceAll(d.text, "\\\n", " ")
	stages := map[string]bool{}
	for _, line := range strings.Split(joined, "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		switch strings.ToUpper(fields[0]) {
		case "FROM":
			args := slices.DeleteFunc(fields[1:], func(f string) bool { return strings.HasPrefix(f, "--") })
			if !stages[args[0]] {
				d.froms = append(d.froms, args[0])
			}
			if len(args) == 3 && strings.EqualFold(args[1], "AS") {
				stages[args[2]] = true
			}
		case "RUN":
			d.runs = append(d.runs, strings.Join(fields[1:], " "))
		}
	}
	return d
}

func TestDockerfileBaseImagesArePinned(t *testing.T) {
	for _, rel := range []string{"Dockerfile", "demo/Dockerfile", "tempo/Dockerfile"} {
		d := parseDockerfile(t, rel)
		if len(d.froms) == 0 {
			t.Errorf("%s has no FROM", rel)
		}
		for _, img := range d.froms {
			checkPinned(t, rel, img)
		}
	}
}

func TestPluginImageIsGrafana12Point4WithOurUnsignedPluginsAllowed(t *testing.T) {
	d := parseDockerfile(t, "Dockerfile")
	final := d.froms[len(d.froms)-1]
	if !strings.HasPrefix(final, "grafana/grafana:12.4.") {
		t.Errorf("final stage %q: want a grafana/grafana 12.4.x release (grafanaDependency >=12.4.0, our 12.4 pins)", final)
	}
	want := "GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS=embers-profiling-app,embers-pyroscope-datasource,embers-flamegraph-panel"
	if !strings.Contains(d.text, want) {
		t.Errorf("Dockerfile must set %s", want)
	}
	if !strings.Contains(d.text, "/var/lib/grafana/plugins/embers-profiling-app") {
		t.Error("Dockerfile must copy dist/ to /var/lib/grafana/plugins/embers-profiling-app")
	}
}

// makeRecipes reads the recipe lines of the given Makefile targets, with
// $(VAR) expanded from the Makefile's own `VAR := value` lines.
func makeRecipes(text string, targets ...string) map[string][]string {
	vars := map[string]string{}
	assign := regexp.MustCompile(`^([A-Z_]+)\s*[:?]?=\s*(.*)$`)
	out := map[string][]string{}
	current := ""
	for _, line := range strings.Split(text, "\n") {
		if m := assign.FindStringSubmatch(line); m != nil {
			vars[m[1]] = strings.TrimSpace(m[2])
			continue
		}
		if strings.HasPrefix(line, "\t") {
			if current != "" {
				out[current] = append(out[current], strings.Join(strings.Fields(expand(line, vars)), " "))
			}
			continue
		}
		current = ""
		if name, _, ok := strings.Cut(line, ":"); ok && slices.Contains(targets, strings.TrimSpace(name)) {
			current = strings.TrimSpace(name)
		}
	}
	return out
}

func expand(s string, vars map[string]string) string {
	return regexp.MustCompile(`\$\(([A-Z_]+)\)`).ReplaceAllStringFunc(s, func(m string) string {
		return vars[m[2:len(m)-1]]
	})
}

// The image must hold what `make build` makes: the same commands, word for word.
func TestDockerfileBuildsWithTheMakefileCommands(t *testing.T) {
	mk, err := os.ReadFile(filepath.Join(testpaths.RepoRoot(t), "Makefile"))
	if err != nil {
		t.Skipf("no Makefile to compare with yet: %v", err)
	}
	recipes := makeRecipes(string(mk), "deps", "build-frontend", "build-backend")
	var want []string
	for _, line := range recipes["deps"] {
		if strings.HasPrefix(line, "npm ci") {
			want = append(want, line)
		}
	}
	want = append(want, recipes["build-frontend"]...)
	want = append(want, recipes["build-backend"]...)
	if len(want) < 3 {
		t.Fatalf("the Makefile's deps/build-frontend/build-backend give %v; want npm ci, npm run build and the mage line", want)
	}
	runs := parseDockerfile(t, "Dockerfile").runs
	for _, cmd := range want {
		if !slices.Contains(runs, cmd) {
			t.Errorf("the Makefile runs %q but the Dockerfile does not (its RUN lines: %q)", cmd, runs)
		}
	}
	for _, cmd := range []string{"npm run build", "go run github.com/magefile/mage@v1.15.0 -v build:linux"} {
		if !slices.ContainsFunc(runs, func(r string) bool { return strings.HasPrefix(r, cmd) }) {
			t.Errorf("the Dockerfile never runs %q", cmd)
		}
	}
}
