package stacktest

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/models"
	"github.com/embers/embers/pkg/pyroscope"
)

// The user guide's troubleshooting table must quote what the backend says, so
// a person can find the message they see. Variable parts (URL, status, the
// server's text) are cut out and the fixed words around them are looked up.
func TestUserGuideExplainsEveryBackendErrorMessage(t *testing.T) {
	guide := strings.Join(strings.Fields(string(readFile(t, "docs/USER_GUIDE.md"))), " ")
	errs := map[string]*pyroscope.Error{
		"unreachable":    {Kind: pyroscope.Unreachable, URL: "URL", Message: "…"},
		"auth rejected":  {Kind: pyroscope.AuthRejected, Status: 401},
		"tenant missing": {Kind: pyroscope.TenantMissing, Status: 401},
		"not pyroscope":  {Kind: pyroscope.NotPyroscope, URL: "URL", Status: 404},
		"range too long": {Kind: pyroscope.RangeTooLong, Status: 400, Message: "the query time range exceeds the limit (max_query_length, limit: 1d)"},
		"too many nodes": {Kind: pyroscope.TooManyNodes, Status: 400, Message: "…"},
		"unreadable":     {Kind: pyroscope.Unreadable, URL: "URL"},
		"timeout":        {Kind: pyroscope.Timeout},
		"invalid query":  {Kind: pyroscope.InvalidQuery, Status: 400, Message: "…"},
		"proxy 502":      {Kind: pyroscope.Unreachable, URL: "URL", Status: 502},
		"dropped":        {Kind: pyroscope.Dropped, URL: "URL", Status: 200},
		"web UI path":    {Kind: pyroscope.WrongPath, URL: "http://pyroscope:4040/ui", Status: 405},
		"tenant refused": {Kind: pyroscope.TenantMissing, Status: 401, Tenant: "X"},
		"too large":      {Kind: pyroscope.TooLarge},
	}
	variable := regexp.MustCompile(`URL|401|502|…|1d`)
	for name, e := range errs {
		msg := e.UserMessage()
		for _, fixed := range variable.Split(msg, -1) {
			fixed = strings.TrimSpace(fixed)
			if len(fixed) >= 12 && !strings.Contains(guide, fixed) {
				t.Errorf("%s: the guide does not quote %q (from %q)", name, fixed, msg)
			}
		}
	}
	if !strings.Contains(guide, "Connected to Pyroscope, but no profiles yet") {
		t.Error("the guide does not explain the health check's \"no profiles yet\" answer")
	}
}

// The guide promises what the demo shows; keep it in step with the stack.
func TestUserGuideNamesWhatTheDemoShows(t *testing.T) {
	guide := string(readFile(t, "docs/USER_GUIDE.md"))
	for _, want := range []string{
		"docker compose up --build", "http://localhost:3000", "Service overview", "slowFunction",
		"80%", "--profile alloy", "GRAFANA_PORT", "GRAFANA_ANONYMOUS_ROLE", "Tenant ID",
		"TEMPO_PORT", "TEMPO_OTLP_PORT", "cpu batch", "datasourceUid",
	} {
		if !strings.Contains(guide, want) {
			t.Errorf("docs/USER_GUIDE.md does not mention %q", want)
		}
	}
}

// The guide's advice on a provisioned timeout must be what the backend does:
// a number works, a duration string is refused with the message it quotes.
func TestUserGuideTimeoutAdviceMatchesTheBackend(t *testing.T) {
	guide := strings.Join(strings.Fields(string(readFile(t, "docs/USER_GUIDE.md"))), " ")
	load := func(timeout string) (*models.Settings, error) {
		return models.LoadSettings(backend.DataSourceInstanceSettings{
			URL:      "http://pyroscope:4040",
			JSONData: []byte(`{"timeout":` + timeout + `}`),
		})
	}
	if s, err := load(`30`); err != nil || s.Timeout != 30*time.Second {
		t.Fatalf("timeout 30: %v, %v", s, err)
	}
	_, err := load(`"30s"`)
	if err == nil {
		t.Fatal(`timeout "30s" was accepted`)
	}
	if !strings.Contains(guide, err.Error()) {
		t.Errorf("the guide does not quote the backend's answer to a timeout of \"30s\": %q", err.Error())
	}
	if strings.Contains(guide, "silently means no timeout") {
		t.Error("the guide says a string timeout means no timeout; the backend reads a numeric string and refuses others")
	}
}
