package pyroscope

import (
	"context"
	"errors"
	"testing"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"

	"github.com/embers/embers/pkg/pyroscopetest"
)

func profileTypesErr(t *testing.T, c *Client) *Error {
	t.Helper()
	now := time.Now()
	_, err := c.ProfileTypes(context.Background(), now.Add(-time.Hour).UnixMilli(), now.UnixMilli())
	var perr *Error
	if !errors.As(err, &perr) {
		t.Fatalf("error %v is not a *pyroscope.Error", err)
	}
	return perr
}

// Each message names the cause the user can act on.
func TestMessagesNameTheCause(t *testing.T) {
	t.Run("tenant sent but refused", func(t *testing.T) {
		fake := pyroscopetest.New(t, pyroscopetest.WithFault(pyroscopetest.Fault{Status: 401, ContentType: "application/json", Body: `{"code":"unauthenticated","message":"no org id"}`}))
		perr := profileTypesErr(t, newTestClient(t, fake.URL, `{"tenantId":"team-a"}`, nil))
		want := `Pyroscope refused tenant "team-a" (no org id): check the tenant ID, and that no proxy in front of Pyroscope drops the X-Scope-OrgID header`
		if perr.Kind != TenantMissing || perr.UserMessage() != want {
			t.Errorf("got %d %q, want %q", perr.Kind, perr.UserMessage(), want)
		}
	})
	t.Run("no tenant set", func(t *testing.T) {
		fake := pyroscopetest.New(t, pyroscopetest.WithTenant("team-a"))
		perr := profileTypesErr(t, newTestClient(t, fake.URL, `{}`, nil))
		if want := "Pyroscope needs a tenant: set the tenant ID in the data source settings"; perr.Kind != TenantMissing || perr.UserMessage() != want {
			t.Errorf("got %d %q", perr.Kind, perr.UserMessage())
		}
	})
	t.Run("URL on the web UI", func(t *testing.T) {
		fake := pyroscopetest.New(t, pyroscopetest.WithFault(pyroscopetest.Fault{Status: 405, Body: "Method Not Allowed"}))
		perr := profileTypesErr(t, newTestClient(t, fake.URL+"/ui", `{}`, nil))
		want := "the URL " + fake.URL + "/ui points at Pyroscope's web UI: use the server's root URL, e.g. " + fake.URL
		if perr.Kind != WrongPath || perr.UserMessage() != want {
			t.Errorf("got %d %q, want %q", perr.Kind, perr.UserMessage(), want)
		}
	})
	t.Run("connection dropped mid-answer", func(t *testing.T) {
		fake := pyroscopetest.New(t, pyroscopetest.WithFault(pyroscopetest.Fault{CutAfter: 3}))
		perr := profileTypesErr(t, newTestClient(t, fake.URL, `{}`, nil))
		want := "the connection to Pyroscope at " + fake.URL + " closed before the whole answer arrived"
		if perr.Kind != Dropped || len(perr.UserMessage()) < len(want) || perr.UserMessage()[:len(want)] != want {
			t.Errorf("got %d %q, want %q…", perr.Kind, perr.UserMessage(), want)
		}
	})
	t.Run("answer over the size bound", func(t *testing.T) {
		defer func(prev int) { MaxAnswerBytes = prev }(MaxAnswerBytes)
		MaxAnswerBytes = 1 << 20
		big := make([]byte, MaxAnswerBytes+1)
		fake := pyroscopetest.New(t, pyroscopetest.WithFault(pyroscopetest.Fault{Status: 200, ContentType: "application/proto", Body: string(big), Method: "SelectMergeStacktraces"}))
		_, err := newTestClient(t, fake.URL, `{}`, nil).SelectMergeStacktraces(context.Background(), &querierv1.SelectMergeStacktracesRequest{})
		var perr *Error
		if !errors.As(err, &perr) || perr.Kind != TooLarge {
			t.Fatalf("got %v", err)
		}
		if want := "Pyroscope's answer is larger than the 1 MiB one query may receive: lower max nodes or narrow the label selector"; perr.UserMessage() != want {
			t.Errorf("got %q", perr.UserMessage())
		}
	})
}
