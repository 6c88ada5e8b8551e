package plugin

import (
	"context"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/pyroscope/replay"
	"github.com/embers/embers/pkg/pyroscopetest"
)

func faultURL(t *testing.T, f pyroscopetest.Fault) string {
	return pyroscopetest.New(t, pyroscopetest.WithFault(f)).URL
}

func hungURL(t *testing.T) string { return faultURL(t, pyroscopetest.Fault{Hang: true}) }

func TestCheckHealth(t *testing.T) {
	tests := []struct {
		name     string
		url      string
		settings string
		status   backend.HealthStatus
		want     string
	}{
		{"profiles found", replay.Serve(t, replay.Load(t, "profile-types")).URL, `{}`, backend.HealthStatusOk, "Found 11 profile types"},
		{"connected but empty", replay.Serve(t, replay.Load(t, "tenant-given")).URL, `{"tenantId":"team-a"}`, backend.HealthStatusOk, "Connected to Pyroscope, but no profiles yet"},
		{"tenant missing", replay.Serve(t, replay.Load(t, "tenant-missing")).URL, `{}`, backend.HealthStatusError, "set the tenant ID"},
		{"auth rejected", fixedServer(t, 403, "text/html", "<h1>Forbidden</h1>", 0), `{}`, backend.HealthStatusError, "rejected the credentials (HTTP 403)"},
		{"not pyroscope", fixedServer(t, 404, "text/plain", "404 page not found", 0), `{}`, backend.HealthStatusError, "does not look like a Pyroscope server"},
		{"unreachable", closedPortURL(t), `{}`, backend.HealthStatusError, "cannot connect to Pyroscope"},
		{"server message", fixedServer(t, 503, "application/json", `{"code":"unavailable","message":"too many requests"}`, 0), `{}`, backend.HealthStatusError, "Pyroscope error: too many requests"},
		{"proxy gateway error", fixedServer(t, 504, "text/html", "<html>Gateway Timeout</html>", 0), `{}`, backend.HealthStatusError, "a proxy in front of Pyroscope answered HTTP 504"},
		{"server error", fixedServer(t, 500, "application/json", `{"code":"internal","message":"store is read-only"}`, 0), `{}`, backend.HealthStatusError, "store is read-only"},
		{"bad settings", "pyroscope:4040", `{}`, backend.HealthStatusError, `The URL "pyroscope:4040" must start with http:// or https://`},
		{"bad URL with a password", "ftp://bob:secret@pyroscope", `{}`, backend.HealthStatusError, `The URL "ftp://bob:xxxxx@pyroscope" must start with http:// or https://`},
		{"URL without a host", "http://bob:secret@:4040", `{}`, backend.HealthStatusError, `The URL "http://bob:xxxxx@:4040" is not valid: use the form http://host:4040, with no spaces and a port up to 65535`},
		{"max nodes over the cap", "http://p:4040", `{"maxNodes":2000000}`, backend.HealthStatusError, "Max nodes must be a whole number from 1 to 1,048,576"},
		{"timeout", hungURL(t), `{"timeout":1}`, backend.HealthStatusError, " did not answer within the timeout (1s): check that the server is running and reachable, or raise the timeout in the data source settings"},
		{"URL on the web UI", faultURL(t, pyroscopetest.Fault{Status: 405, Body: "Method Not Allowed"}) + "/ui/", `{}`, backend.HealthStatusError, "points at Pyroscope's web UI: use the server's root URL, e.g. http://127.0.0.1:"},
		{"tenant refused", faultURL(t, pyroscopetest.Fault{Status: 401, ContentType: "application/json", Body: `{"code":"unauthenticated","message":"no org id"}`}), `{"tenantId":"team-b"}`, backend.HealthStatusError, `Pyroscope refused tenant "team-b"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDS(t, tt.url, tt.settings, nil)
			res, err := d.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
			if err != nil {
				t.Fatal(err)
			}
			// The config page's words, and never a URL's password (issue 12).
			if res.Status != tt.status || !strings.Contains(res.Message, tt.want) || strings.Contains(res.Message, "secret") {
				t.Errorf("got %v %q, want %v containing %q", res.Status, res.Message, tt.status, tt.want)
			}
		})
	}
}
