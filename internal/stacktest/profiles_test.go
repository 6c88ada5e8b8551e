package stacktest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/pprof/profile"

	"github.com/embers/embers/internal/testpaths"
)

// The committed workload profiles name no folder of the machine that wrote
// them (testdata/workload trims them): no absolute mapping or source path.
func TestCommittedProfilesCarryNoMachinePaths(t *testing.T) {
	files, err := filepath.Glob(testpaths.Repo(t, "testdata", "profiles", "*.pb.gz"))
	if err != nil || len(files) < 2 {
		t.Fatalf("profiles: %v %v", files, err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, err := profile.ParseData(b)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, m := range p.Mapping {
			if strings.Contains(m.File, "/") && !strings.HasPrefix(m.File, "[") {
				t.Errorf("%s: mapping %q holds a path", filepath.Base(file), m.File)
			}
		}
		for _, f := range p.Function {
			if filepath.IsAbs(f.Filename) {
				t.Errorf("%s: function %s names the file %q", filepath.Base(file), f.Name, f.Filename)
			}
		}
	}
}
