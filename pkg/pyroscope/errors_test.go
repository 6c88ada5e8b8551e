package pyroscope

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/models"
	"github.com/embers/embers/pkg/pyroscope/replay"
)

func newTestClient(t *testing.T, url, jsonData string, secure map[string]string) *Client {
	t.Helper()
	ds := backend.DataSourceInstanceSettings{Type: "embers-pyroscope-datasource", URL: url, JSONData: json.RawMessage(jsonData), DecryptedSecureJSONData: secure}
	s, err := models.LoadSettings(ds)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(context.Background(), ds, s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// replayCall sends the recorded request's method with the recorded body.
func replayCall(t *testing.T, c *Client, rc replay.Case) error {
	ctx := context.Background()
	switch rc.Method[strings.LastIndex(rc.Method, "/")+1:] {
	case "SelectMergeStacktraces":
		_, err := c.SelectMergeStacktraces(ctx, &querierv1.SelectMergeStacktracesRequest{ProfileTypeID: "process_cpu:cpu:nanoseconds:cpu:nanoseconds", LabelSelector: "{}", Start: 1, End: 2})
		return err
	case "LabelNames":
		_, err := c.LabelNames(ctx, nil, 1, 2)
		return err
	default:
		_, err := c.ProfileTypes(ctx, 1, 2)
		return err
	}
}

// Every recorded error reaches the user as a short message saying what to change.
func TestRecordedErrorsBecomeUserMessages(t *testing.T) {
	tests := []struct {
		file string
		kind Kind
		want string
	}{
		{"error-range-too-long", RangeTooLong, "the time range is longer than Pyroscope allows (1d (max_query_length)): choose a shorter range"},
		{"error-range-too-long-labelnames", RangeTooLong, "(1d (max_query_length))"},
		{"error-bad-selector", InvalidQuery, `Pyroscope rejected the query: parsing label selector "{service_name=": 1:15: parse error: unexpected end of input inside braces`},
		{"error-bad-profile-type", InvalidQuery, "profile-type selection must be of the form"},
		{"error-empty-range", InvalidQuery, "missing time range in the query"},
		{"error-maxnodes-negative", TooManyNodes, "lower max nodes"},
		{"error-maxnodes-over-cap", TooManyNodes, "max flamegraph nodes limit 10000000 is greater than allowed 1048576): lower max nodes"},
		{"error-unknown-method", NotPyroscope, "does not look like a Pyroscope server"},
		{"tenant-missing", TenantMissing, "set the tenant ID"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rc := replay.Load(t, tt.file)
			rc.Method = strings.Replace(rc.Method, "NoSuchMethod", "ProfileTypes", 1)
			srv := replay.Serve(t, rc)
			err := replayCall(t, newTestClient(t, srv.URL, `{}`, nil), rc)
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("error %v is not a *pyroscope.Error", err)
			}
			if perr.Kind != tt.kind {
				t.Errorf("kind = %d, want %d (%s)", perr.Kind, tt.kind, perr.UserMessage())
			}
			if !strings.Contains(perr.UserMessage(), tt.want) {
				t.Errorf("message = %q, want it to contain %q", perr.UserMessage(), tt.want)
			}
		})
	}
}

// Faults that are not Pyroscope's own errors: proxies, garbage, dead servers.
func TestTransportFaultsBecomeUserMessages(t *testing.T) {
	serve := func(status int, ctype, body string) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.WriteHeader(status)
			_, _ = w.Write([]byte(body))
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	closedURL := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		_ = l.Close()
		return "http://" + addr
	}
	tests := []struct {
		name string
		url  string
		kind Kind
		want string
		not  string
	}{
		{"proxy 401 text", serve(401, "text/plain", "Unauthorized"), AuthRejected, "rejected the credentials (HTTP 401)", ""},
		{"proxy 403 html", serve(403, "text/html", "<html>Forbidden</html>"), AuthRejected, "HTTP 403", "<html>"},
		{"proxy 502 html", serve(502, "text/html", "<html><body>Bad gateway</body></html>"), Unreachable, "a proxy in front of Pyroscope answered HTTP 502: it could not reach the server at http://127.0.0.1:", "<html>"},
		{"proxy 503 text", serve(503, "text/plain", "Service Unavailable"), Unreachable, "answered HTTP 503", "Service Unavailable"},
		{"500 with a connect body", serve(500, "application/json", `{"code":"internal","message":"store-gateway: too many open files"}`), Server, "Pyroscope error: store-gateway: too many open files", ""},
		{"500 plain text", serve(500, "text/plain", "goroutine 1 [running]:\nmain.main()"), Server, "Pyroscope answered with HTTP 500", "goroutine"},
		{"garbage with 200", serve(200, "application/proto", "\xff\xff\xff\xffnot protobuf"), Unreadable, "could not be read", "query"},
		{"truncated protobuf with 200", serve(200, "application/proto", "\x0a\x80\x01\x0a\x05tot"), Unreadable, "could not be read", ""},
		{"html page with 200", serve(200, "text/html", "<html>login</html>"), Unreadable, "could not be read", "<html>"},
		{"server down", closedURL(), Unreachable, "connection refused", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, tt.url, `{}`, nil)
			_, err := c.SelectMergeStacktraces(context.Background(), &querierv1.SelectMergeStacktracesRequest{})
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("error %v is not a *pyroscope.Error", err)
			}
			msg := perr.UserMessage()
			if perr.Kind != tt.kind || !strings.Contains(msg, tt.want) {
				t.Errorf("got kind %d %q, want kind %d containing %q", perr.Kind, msg, tt.kind, tt.want)
			}
			if tt.not != "" && strings.Contains(msg, tt.not) {
				t.Errorf("message %q leaks %q", msg, tt.not)
			}
		})
	}
}

func TestSlowServerTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(release); srv.Close() })
	c := newTestClient(t, srv.URL, `{"timeout":1}`, nil)
	start := time.Now()
	_, err := c.ProfileTypes(context.Background(), 1, 2)
	var perr *Error
	if !errors.As(err, &perr) || perr.Kind != Timeout || !strings.Contains(perr.UserMessage(), "timed out") {
		t.Fatalf("got %v, want a timeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v with a 1 s timeout", d)
	}
}

func TestHeadersSent(t *testing.T) {
	srv := replay.Serve(t, replay.Load(t, "tenant-given"))
	c := newTestClient(t, srv.URL, `{"tenantId":"team-a","authType":"bearer"}`, map[string]string{"bearerToken": "tok-123"})
	if _, err := c.ProfileTypes(context.Background(), 1, 2); err != nil {
		t.Fatal(err)
	}
	h := srv.Requests()[0].Header
	if h.Get("X-Scope-OrgID") != "team-a" || h.Get("Authorization") != "Bearer tok-123" {
		t.Errorf("headers = %v", h)
	}
}

// Basic auth and custom headers come from the SDK's own settings handling,
// kept when our tenant and bearer middleware is added.
func TestBasicAuthAndCustomHeadersSent(t *testing.T) {
	srv := replay.Serve(t, replay.Load(t, "profile-types"))
	ds := backend.DataSourceInstanceSettings{
		Type: "embers-pyroscope-datasource", URL: srv.URL,
		BasicAuthEnabled: true, BasicAuthUser: "grafana",
		JSONData:                json.RawMessage(`{"authType":"basic","tenantId":"t1","httpHeaderName1":"X-Team"}`),
		DecryptedSecureJSONData: map[string]string{"basicAuthPassword": "pw", "httpHeaderValue1": "checkout"},
	}
	s, err := models.LoadSettings(ds)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(context.Background(), ds, s)
	if err != nil {
		t.Fatal(err)
	}
	types, err := c.ProfileTypes(context.Background(), 1, 2)
	if err != nil || len(types) != 11 {
		t.Fatalf("got %d types, %v", len(types), err)
	}
	h := srv.Requests()[0].Header
	user, pass, ok := (&http.Request{Header: h}).BasicAuth()
	if !ok || user != "grafana" || pass != "pw" || h.Get("X-Team") != "checkout" || h.Get("X-Scope-OrgID") != "t1" {
		t.Errorf("headers sent: %v", h)
	}
}

func TestMessagesNeverShowAPasswordFromTheURL(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	c := newTestClient(t, "http://ops:hunter2-pw@"+addr, `{}`, nil)
	_, err = c.ProfileTypes(context.Background(), 1, 2)
	if err == nil || !strings.Contains(err.Error(), "cannot connect to Pyroscope at http://ops:") {
		t.Fatalf("error = %v", err)
	}
	if strings.Contains(err.Error(), "hunter2-pw") {
		t.Errorf("the message shows the URL's password: %v", err)
	}
}
