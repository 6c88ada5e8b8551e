package pyroscopetest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
)

func profileTypesCall(ctx context.Context, s *Server) error {
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	now := time.Now()
	_, err := client.ProfileTypes(ctx, connect.NewRequest(&querierv1.ProfileTypesRequest{
		Start: now.Add(-time.Hour).UnixMilli(), End: now.UnixMilli(),
	}))
	return err
}

func TestFaultsReplaceTheAnswerLikeAProxyWould(t *testing.T) {
	cases := []struct {
		name  string
		fault Fault
		code  connect.Code
	}{
		{"proxy 401 text", Fault{Status: 401, Body: "Unauthorized\n"}, connect.CodeUnauthenticated},
		{"gateway 502 html", Fault{Status: 502, Body: "<html><h1>502 Bad Gateway</h1></html>", ContentType: "text/html"}, connect.CodeUnavailable},
		{"server 500 json", Fault{Status: 500, Body: `{"code":"internal","message":"boom"}`, ContentType: "application/json"}, connect.CodeInternal},
		{"200 garbage", Fault{Body: "\x00\xffnot protobuf", ContentType: "application/proto"}, connect.CodeInternal},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := New(t, WithFault(c.fault))
			resp, err := http.Post(s.URL+"/querier.v1.QuerierService/ProfileTypes", "application/json", strings.NewReader("{}"))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			wantStatus := c.fault.Status
			if wantStatus == 0 {
				wantStatus = 200
			}
			if resp.StatusCode != wantStatus || string(body) != c.fault.Body {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, body, wantStatus, c.fault.Body)
			}
			err = profileTypesCall(context.Background(), s)
			if err == nil {
				t.Fatal("the Connect client accepted a faulty answer")
			}
			if c.fault.Status != 0 && connect.CodeOf(err) != c.code {
				t.Errorf("client error code %v, want %v (%v)", connect.CodeOf(err), c.code, err)
			}
		})
	}
}

func TestDelayFaultMakesTheCallerTimeOut(t *testing.T) {
	s := New(t, WithFault(Fault{Delay: time.Minute}))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := profileTypesCall(ctx, s); connect.CodeOf(err) != connect.CodeDeadlineExceeded {
		t.Errorf("slow server: error %v, want deadline_exceeded", err)
	}
}

func TestDelayAloneStillAnswers(t *testing.T) {
	s := New(t, WithFault(Fault{Delay: time.Millisecond}))
	if err := profileTypesCall(context.Background(), s); err != nil {
		t.Errorf("a short delay should still give the real answer: %v", err)
	}
}

func TestFaultOnOneMethodLeavesOthersAlone(t *testing.T) {
	s := New(t)
	s.SetFault(Fault{Status: 503, Body: "down", Method: "SelectSeries"})
	if err := profileTypesCall(context.Background(), s); err != nil {
		t.Errorf("ProfileTypes failed under a SelectSeries fault: %v", err)
	}
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	_, err := client.SelectSeries(context.Background(), connect.NewRequest(&querierv1.SelectSeriesRequest{}))
	if connect.CodeOf(err) != connect.CodeUnavailable {
		t.Errorf("SelectSeries: %v, want unavailable", err)
	}
	s.SetFault(Fault{})
	_, err = client.SelectSeries(context.Background(), connect.NewRequest(&querierv1.SelectSeriesRequest{}))
	var ce *connect.Error
	if !errors.As(err, &ce) || ce.Code() != connect.CodeInvalidArgument || ce.Message() != "missing time range in the query" {
		t.Errorf("after clearing the fault: %v, want the server's own missing time range error", err)
	}
}

func TestRequestsRecordsWhatWasSent(t *testing.T) {
	s := New(t, WithTenant("team-a"))
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	req := connect.NewRequest(&querierv1.SelectMergeStacktracesRequest{ProfileTypeID: "process_cpu:cpu:nanoseconds:cpu:nanoseconds", LabelSelector: `{service_name="a"}`, Start: 1, End: 2})
	req.Header().Set("X-Scope-OrgID", "team-a")
	if _, err := client.SelectMergeStacktraces(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	got := s.Requests()
	if len(got) != 1 || got[0].Method != "SelectMergeStacktraces" || got[0].Headers.Get("X-Scope-OrgID") != "team-a" {
		t.Fatalf("recorded %+v", got)
	}
	msg, ok := got[0].Msg.(*querierv1.SelectMergeStacktracesRequest)
	if !ok || msg.LabelSelector != `{service_name="a"}` {
		t.Errorf("recorded message %v", got[0].Msg)
	}
}

// Hang holds every call until its caller gives up, and PeakWaiting counts
// how many were held at once.
func TestHangHoldsCallsUntilTheCallerGivesUp(t *testing.T) {
	s := New(t, WithFault(Fault{Hang: true}))
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, 3)
	for range 3 {
		go func() { errs <- profileTypesCall(ctx, s) }()
	}
	for s.PeakWaiting() < 3 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	for range 3 {
		if err := <-errs; connect.CodeOf(err) != connect.CodeCanceled {
			t.Errorf("a held call ended with %v, want canceled", err)
		}
	}
	if s.PeakWaiting() != 3 {
		t.Errorf("peak %d, want 3", s.PeakWaiting())
	}
}

// CutAfter sends the start of the real answer, announcing all of it, and
// drops the connection.
func TestCutAfterDropsTheConnectionMidAnswer(t *testing.T) {
	s := New(t, WithFault(Fault{CutAfter: 1}))
	req, err := http.NewRequest(http.MethodPost, s.URL+"/querier.v1.QuerierService/ProfileTypes", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Encoding", "identity") // keep the cut body as sent
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || int64(len(body)) >= resp.ContentLength || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("got %d, %d of %d bytes, %v; want 200, fewer bytes than announced and an unexpected EOF", resp.StatusCode, len(body), resp.ContentLength, err)
	}
}
