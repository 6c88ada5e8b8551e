package pyroscopetest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
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
	// CutAfter sends only the first CutAfter bytes of the real answer (its
	// headers announce the whole length) and then drops the connection.
	CutAfter int
	// Hang holds the answer until the caller gives up or the fake closes.
	Hang bool
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
		if f.Delay > 0 || f.Hang {
			// Read the body first: only then does the HTTP server notice a
			// caller that gave up and cancel the request's context.
			body, err := io.ReadAll(r.Body)
			if err != nil {
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			s.noteWaiting(+1)
			defer s.noteWaiting(-1)
			var delay <-chan time.Time
			if !f.Hang {
				delay = time.After(f.Delay)
			}
			select {
			case <-delay:
			case <-r.Context().Done():
				return
			case <-s.closing:
				return
			}
		}
		if f.CutAfter > 0 {
			cutShort(w, r, next, f.CutAfter)
			return
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

// cutShort answers the start of the real answer and then drops the
// connection, like a server or proxy that dies mid-answer.
func cutShort(w http.ResponseWriter, r *http.Request, next http.Handler, n int) {
	full := httptest.NewRecorder()
	next.ServeHTTP(full, r)
	body := full.Body.Bytes()
	for k, v := range full.Header() {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(full.Code)
	_, _ = w.Write(body[:min(n, len(body))])
	if fl, ok := w.(http.Flusher); ok {
		fl.Flush()
	}
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
		}
	}
}
