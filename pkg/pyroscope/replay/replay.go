// Package replay serves answers recorded from a real Pyroscope server over
// HTTP, in the Connect protocol the client speaks. It is for tests only.
package replay

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	googlev1 "github.com/grafana/pyroscope/api/gen/proto/go/google/v1"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	typesv1 "github.com/grafana/pyroscope/api/gen/proto/go/types/v1"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/embers/embers/internal/testpaths"
)

// Case is one recorded request and answer.
type Case struct {
	Name           string            `json:"name"`
	Method         string            `json:"method"`
	Request        json.RawMessage   `json:"request"`
	RequestHeaders map[string]string `json:"requestHeaders"`
	Status         int               `json:"status"`
	Response       json.RawMessage   `json:"response"`
}

// Dir is the folder of the answers recorded for the project's own data
// (testdata/recorded in the repository).
func Dir(tb testing.TB) string {
	tb.Helper()
	return testpaths.Recorded(tb)
}

// Load reads one recorded case by name from Dir.
func Load(tb testing.TB, name string) Case {
	tb.Helper()
	return LoadFrom(tb, Dir(tb), name)
}

// LoadFrom reads one recorded case by name from a folder of recorded cases
// (the conformance tier reads the third-party recordings this way).
func LoadFrom(tb testing.TB, dir, name string) Case {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name+".json"))
	if err != nil {
		tb.Fatalf("recorded case %s: %v", name, err)
	}
	var c Case
	if err := json.Unmarshal(b, &c); err != nil {
		tb.Fatalf("recorded case %s: %v", name, err)
	}
	return c
}

// LoadInto reads one recorded case from Dir and decodes its answer into `into`.
func LoadInto(tb testing.TB, name string, into proto.Message) Case {
	tb.Helper()
	return LoadFromInto(tb, Dir(tb), name, into)
}

// LoadFromInto is LoadInto from another folder of recorded cases.
func LoadFromInto(tb testing.TB, dir, name string, into proto.Message) Case {
	tb.Helper()
	c := LoadFrom(tb, dir, name)
	if err := protojson.Unmarshal(c.Response, into); err != nil {
		tb.Fatalf("recorded case %s: response: %v", name, err)
	}
	return c
}

// responseTypes gives the proto message of each method's answer.
var responseTypes = map[string]func() proto.Message{
	"ProfileTypes":           func() proto.Message { return &querierv1.ProfileTypesResponse{} },
	"LabelNames":             func() proto.Message { return &typesv1.LabelNamesResponse{} },
	"LabelValues":            func() proto.Message { return &typesv1.LabelValuesResponse{} },
	"Series":                 func() proto.Message { return &querierv1.SeriesResponse{} },
	"SelectMergeStacktraces": func() proto.Message { return &querierv1.SelectMergeStacktracesResponse{} },
	"SelectSeries":           func() proto.Message { return &querierv1.SelectSeriesResponse{} },
	"Diff":                   func() proto.Message { return &querierv1.DiffResponse{} },
	"SelectMergeProfile":     func() proto.Message { return &googlev1.Profile{} },
	"SelectMergeSpanProfile": func() proto.Message { return &querierv1.SelectMergeSpanProfileResponse{} },
}

// Request is what the server received.
type Request struct {
	Method string
	Header http.Header
	Body   []byte
}

// Server answers each method with the case registered for it.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	cases    map[string]Case
	requests []Request
}

// Serve starts a server that answers with the given cases (one per method).
func Serve(tb testing.TB, cases ...Case) *Server {
	tb.Helper()
	s := &Server{cases: map[string]Case{}}
	for _, c := range cases {
		s.Set(c)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	tb.Cleanup(s.Close)
	return s
}

// Set replaces the answer for the case's method.
func (s *Server) Set(c Case) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cases[methodName(c.Method)] = c
}

// Requests lists what was received, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func methodName(path string) string { return path[strings.LastIndex(path, "/")+1:] }

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	method := methodName(r.URL.Path)
	s.mu.Lock()
	s.requests = append(s.requests, Request{Method: method, Header: r.Header.Clone(), Body: body})
	c, ok := s.cases[method]
	s.mu.Unlock()
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	if c.Status != http.StatusOK {
		writeError(w, c)
		return
	}
	msg := responseTypes[method]()
	if err := (protojson.UnmarshalOptions{DiscardUnknown: true}).Unmarshal(c.Response, msg); err != nil {
		http.Error(w, "replay: "+err.Error(), http.StatusInternalServerError)
		return
	}
	out, _ := proto.Marshal(msg)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		out, _ = protojson.Marshal(msg)
		w.Header().Set("Content-Type", "application/json")
	} else {
		w.Header().Set("Content-Type", "application/proto")
	}
	_, _ = w.Write(out)
}

// writeError answers like the server did: a Connect JSON error, or the plain
// text body it sent.
func writeError(w http.ResponseWriter, c Case) {
	var text string
	if json.Unmarshal(c.Response, &text) == nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(c.Status)
		_, _ = io.WriteString(w, text)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(c.Status)
	_, _ = w.Write(c.Response)
}
