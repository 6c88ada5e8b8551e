package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"runtime/pprof"
	"testing"

	"github.com/google/pprof/profile"
)

// Alloy's pull mode (alloy/config.alloy) scrapes these paths; each must answer
// a pprof profile, and /healthz must answer for the compose healthcheck.
func TestPprofEndpointServesWhatAlloyScrapes(t *testing.T) {
	srv := httptest.NewServer(pprofHandler())
	defer srv.Close()

	for _, path := range []string{
		"/debug/pprof/profile?seconds=1",
		"/debug/pprof/allocs",
		"/debug/pprof/goroutine",
		"/debug/pprof/mutex",
		"/debug/pprof/block",
	} {
		body, status := get(t, srv.URL+path)
		if status != http.StatusOK {
			t.Errorf("%s: HTTP %d", path, status)
			continue
		}
		if _, err := profile.ParseData(body); err != nil {
			t.Errorf("%s: not a pprof profile: %v", path, err)
		}
	}
	if body, status := get(t, srv.URL+"/healthz"); status != http.StatusOK || string(body) != "ok\n" {
		t.Errorf("/healthz = %d %q, want 200 ok", status, body)
	}
	if _, status := get(t, srv.URL+"/nothing-here"); status != http.StatusNotFound {
		t.Errorf("an unknown path answered %d, want 404", status)
	}
}

// Go has one CPU profiler per process: while the SDK holds it, a CPU scrape
// fails. This is why the instance Alloy scrapes runs with PYROSCOPE_PUSH=off.
func TestCPUScrapeFailsWhilePushing(t *testing.T) {
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		t.Fatal(err)
	}
	defer pprof.StopCPUProfile()
	srv := httptest.NewServer(pprofHandler())
	defer srv.Close()
	if _, status := get(t, srv.URL+"/debug/pprof/profile?seconds=1"); status == http.StatusOK {
		t.Error("a CPU scrape succeeded while another CPU profile ran; PYROSCOPE_PUSH=off would not be needed")
	}
}

func get(t *testing.T, url string) ([]byte, int) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b, resp.StatusCode
}
