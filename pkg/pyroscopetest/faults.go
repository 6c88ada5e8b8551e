package pyroscopetest

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"time"
)

// Fault replaces the fake's answer, the way a proxy or a broken server would:
// a 401 text/plain from a proxy, a 502 HTML page, a 200 with garbage, a slow
// answer. The zero Fault means no fault.
type Fault struct {
	Status      int           // HTTP status; 200 when 0 and Body is set
	Body        string        // raw body written instead of the real answer
	ContentType string        // text/plain when empty
	Delay       time.Duration // wait before answering (the real answer when Status and Body are unset)
	Method      string        // only this method, e.g. "SelectMergeStacktraces"; "" = all
}

func (f Fault) replacesAnswer() bool { return f.Status != 0 || f.Body != "" }

func (f Fault) appliesTo(path string) bool {
	if f == (Fault{}) {
		return false
	}
	return f.Method == "" || strings.HasSuffix(path, "/"+f.Method)
}

// withFaults wraps the Connect handler so a configured fault answers first.
func (s *Server) withFaults(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f := s.currentFault()
		if !f.appliesTo(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		if f.Delay > 0 {
			// Read the body first: only then does the HTTP server notice a
			// caller that gave up and cancel the request's context.
			body, err := io.ReadAll(r.Body)
			if err != nil {
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			select {
			case <-time.After(f.Delay):
			case <-r.Context().Done():
				return
			case <-s.closing:
				return
			}
		}
		if !f.replacesAnswer() {
			next.ServeHTTP(w, r)
			return
		}
		s.record(methodOf(r.URL.Path), r.Header, nil)
		ct := f.ContentType
		if ct == "" {
			ct = "text/plain; charset=utf-8"
		}
		status := f.Status
		if status == 0 {
			status = http.StatusOK
		}
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(f.Body))
	})
}

func methodOf(path string) string { return path[strings.LastIndex(path, "/")+1:] }
