package plugin

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/embers/embers/pkg/pyroscopetest"
)

// The dashboards' profile type variables list the types one service sends as
// the values of Pyroscope's __profile_type__ label under its selector: the
// route must pass that internal label through, scoped by the selector.
func TestProfileTypesOfOneService(t *testing.T) {
	fake := pyroscopetest.New(t)
	at := time.Date(2026, 12, 1, 17, 0, 5, 0, time.UTC)
	for _, u := range []struct{ service, file, sampleType, name string }{
		{"cpu-app", "workload-cpu.pb.gz", "cpu", "process_cpu"},
		{"heap-app", "workload-heap.pb.gz", "inuse_space", "memory"},
	} {
		b, _ := workloadProfile(t, u.file, u.sampleType)
		if err := fake.IngestAt(b, map[string]string{"service_name": u.service, "__name__": u.name}, at); err != nil {
			t.Fatal(err)
		}
	}
	d := newDS(t, fake.URL, `{}`, nil)
	from, to := at.Add(-time.Minute).UnixMilli(), at.Add(time.Minute).UnixMilli()
	path := "labelValues?label=__profile_type__&from=" + itoa(from) + "&to=" + itoa(to) + "&selector=" + url.QueryEscape(`{service_name="heap-app"}`)
	status, body := callResource(t, d, path)
	var types []string
	if status != 200 || json.Unmarshal(body, &types) != nil {
		t.Fatalf("status %d body %s", status, body)
	}
	if len(types) == 0 || !slices.Contains(types, inuseType) {
		t.Errorf("types of heap-app %v, want its in-use memory type", types)
	}
	for _, ty := range types {
		if !strings.HasPrefix(ty, "memory:") {
			t.Errorf("heap-app lists %s, a type only cpu-app sends", ty)
		}
	}
}
