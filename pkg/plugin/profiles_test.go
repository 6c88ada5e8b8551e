package plugin

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/embers/embers/internal/testpaths"
	"github.com/embers/embers/pkg/pyroscopetest"
)

// Every one of the project's profiles goes through the whole pipeline: each
// of its profile types gives a flame graph and series, never an error or a
// blank answer.
func TestEveryProfileGivesFramesOrAClearError(t *testing.T) {
	checkEveryProfile(t, testpaths.Repo(t, "testdata", "profiles"), 2)
}

func checkEveryProfile(t *testing.T, dir string, minAccepted int) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fake := pyroscopetest.New(t)
	at := time.Now().Add(-time.Minute)
	services := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if !strings.Contains(name, ".pb") {
			continue
		}
		service := strings.SplitN(name, ".", 2)[0]
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := fake.IngestAt(b, map[string]string{"service_name": service}, at); err != nil {
			// The server refuses some files on upload (DESIGN.md section 5).
			t.Logf("%s refused on upload: %v", name, err)
			continue
		}
		services[service] = true
	}
	if len(services) < minAccepted {
		t.Fatalf("only %d profiles were accepted", len(services))
	}
	d := newDS(t, fake.URL, `{}`, nil)
	status, body := callResource(t, d, "profileTypes?from="+itoa(at.Add(-time.Hour).UnixMilli())+"&to="+itoa(time.Now().UnixMilli()))
	var types []profileTypeInfo
	if status != 200 || json.Unmarshal(body, &types) != nil || len(types) == 0 {
		t.Fatalf("profileTypes: %d %s", status, body)
	}
	tr := lastHalfHour()
	checked := 0
	for service := range services {
		for _, pt := range types {
			sel := `{service_name="` + service + `"}`
			r := runQueries(t, d, nil, dataQuery("A", tr, queryJSON("both", pt.ID, sel, ""))).Responses["A"]
			if r.Error != nil {
				t.Errorf("%s %s: %v", service, pt.ID, r.Error)
				continue
			}
			fg := frameByName(t, r.Frames, "flamegraph")
			if rows, _ := fg.RowLen(); rows == 0 {
				t.Errorf("%s %s: an empty flame graph frame", service, pt.ID)
				continue
			}
			if int64At(t, fg, "value", 0) > 0 {
				checked++
			} else if fg.Meta == nil || len(fg.Meta.Notices) == 0 {
				t.Errorf("%s %s: no data and no notice", service, pt.ID)
			}
		}
	}
	if checked < len(services) {
		t.Errorf("only %d (service, type) pairs had data, want at least one per service (%d)", checked, len(services))
	}
}
