package stacktest

import (
	"slices"
	"strings"
	"testing"
)

type workflow struct {
	On   map[string]any `yaml:"on"`
	Jobs map[string]struct {
		Steps []struct {
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func loadWorkflow(t *testing.T, name string) workflow {
	t.Helper()
	var w workflow
	readYAML(t, ".github/workflows/"+name, &w)
	if len(w.Jobs) != 1 {
		t.Fatalf("%s: want one job, got %d", name, len(w.Jobs))
	}
	return w
}

// runs and uses lists every step's command and action, in order.
func (w workflow) runs() (runs, uses []string, files string) {
	for _, job := range w.Jobs {
		for _, s := range job.Steps {
			runs = append(runs, strings.TrimSpace(s.Run))
			uses = append(uses, s.Uses)
			files += s.With["files"]
		}
	}
	return runs, uses, files
}

func TestCIRunsTheREADMETestCommand(t *testing.T) {
	w := loadWorkflow(t, "ci.yml")
	if _, ok := w.On["pull_request"]; !ok {
		t.Error("CI does not run on pull requests")
	}
	runs, _, _ := w.runs()
	if !slices.Contains(runs, ".ci/run") {
		t.Errorf("CI steps run %q; want .ci/run (make test)", runs)
	}
	if !strings.Contains(string(readFile(t, ".ci/run")), "make test") {
		t.Error(".ci/run does not run make test")
	}
}

func TestATagPackagesAndAttachesTheZipToTheRelease(t *testing.T) {
	w := loadWorkflow(t, "release.yml")
	push, _ := w.On["push"].(map[string]any)
	tags, _ := push["tags"].([]any)
	if !slices.Contains(tags, any("v*")) {
		t.Errorf("release runs on %v; want tags v*", w.On)
	}
	runs, uses, files := w.runs()
	if !slices.Contains(runs, "make package") || !slices.Contains(runs, "make validate") {
		t.Errorf("release steps run %q; want make package and make validate", runs)
	}
	if !slices.ContainsFunc(uses, func(u string) bool { return strings.HasPrefix(u, "softprops/action-gh-release@") }) {
		t.Errorf("no step attaches files to the release: %v", uses)
	}
	// scripts/release.mjs writes the archive to build/<app id>-<version>.zip.
	for _, want := range []string{"build/*.zip", "build/*.zip.sha256"} {
		if !strings.Contains(files, want) {
			t.Errorf("the release attaches %q; want %s", files, want)
		}
	}
	if !strings.Contains(string(readFile(t, "scripts/release.mjs")), "path.join(root, 'build', `${appId}-${version}.zip`)") {
		t.Error("scripts/release.mjs no longer writes build/<app id>-<version>.zip, which the release attaches")
	}
}
