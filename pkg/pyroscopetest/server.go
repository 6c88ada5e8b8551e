package pyroscopetest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"connectrpc.com/connect"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
	"google.golang.org/protobuf/proto"
)

// Server is a running fake Pyroscope.
type Server struct {
	// URL is the base URL, e.g. http://127.0.0.1:port.
	URL string

	cfg     config
	http    *httptest.Server
	closing chan struct{} // closed by Close, ends delayed answers

	closeOnce sync.Once
	mu        sync.Mutex
	fault     Fault
	profiles  []*storedProfile
	requests  []Request
	waiting   int // calls held by a Delay or Hang fault right now
	peak      int // most calls held at once
}

// Request is one call the fake received.
type Request struct {
	Method  string        // e.g. "SelectMergeStacktraces"
	Headers http.Header   // as received
	Msg     proto.Message // the decoded request; nil when a fault answered
}

// New starts a fake closed at the end of the test.
func New(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s := NewServer(opts...)
	tb.Cleanup(s.Close)
	return s
}

// NewServer starts a fake outside a test (benchmarks, helpers); call Close.
func NewServer(opts ...Option) *Server {
	s := &Server{cfg: defaultConfig(), closing: make(chan struct{})}
	for _, o := range opts {
		o(&s.cfg)
	}
	s.fault = s.cfg.fault
	path, handler := querierv1connect.NewQuerierServiceHandler(&querier{s: s},
		connect.WithInterceptors(connect.UnaryInterceptorFunc(s.intercept)),
		connect.WithRecover(func(_ context.Context, spec connect.Spec, _ http.Header, p any) error {
			return connect.NewError(connect.CodeInternal, fmt.Errorf("%s: fake server bug: %v", spec.Procedure, p))
		}))
	mux := http.NewServeMux()
	mux.Handle(path, handler)
	s.http = httptest.NewServer(s.withFaults(mux))
	s.URL = s.http.URL
	return s
}

// Close stops the server.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.closing) })
	s.http.Close()
}

// SetFault changes the fault at run time; Fault{} clears it.
func (s *Server) SetFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = f
}

func (s *Server) currentFault() Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fault
}

// Requests returns the calls received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// PeakWaiting is the largest number of calls a Delay or Hang fault held at
// the same time: how many calls the caller had in flight together.
func (s *Server) PeakWaiting() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peak
}

func (s *Server) noteWaiting(delta int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.waiting += delta
	s.peak = max(s.peak, s.waiting)
}

func (s *Server) record(method string, h http.Header, msg proto.Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{Method: method, Headers: h.Clone(), Msg: msg})
}

type tenantKey struct{}

// intercept records each call and applies multi-tenancy the way the real
// server does.
func (s *Server) intercept(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		msg, _ := req.Any().(proto.Message)
		s.record(methodOf(req.Spec().Procedure), req.Header(), msg)
		if s.cfg.tenant != "" {
			org := req.Header().Get("X-Scope-OrgID")
			if org == "" {
				return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("invalid_argument: no org id"))
			}
			ctx = context.WithValue(ctx, tenantKey{}, org)
		}
		return next(ctx, req)
	}
}

// visible returns the profiles the caller's tenant may see.
func (s *Server) visible(ctx context.Context) []*storedProfile {
	if s.cfg.tenant != "" && ctx.Value(tenantKey{}) != s.cfg.tenant {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*storedProfile(nil), s.profiles...)
}

// querier implements the Connect service; methods it does not override
// answer "unimplemented" like a server without them.
type querier struct {
	querierv1connect.UnimplementedQuerierServiceHandler
	s *Server
}
