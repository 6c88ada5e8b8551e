package pyroscope

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"regexp"
	"strings"
	"syscall"

	"connectrpc.com/connect"
)

// Kind says what went wrong, so callers can answer in the user's terms.
type Kind int

// The kinds of failure a Pyroscope call can have.
const (
	Unreachable   Kind = iota + 1 // no connection, or a proxy saying the server is down
	AuthRejected                  // 401/403 from the server or a proxy
	TenantMissing                 // 401 "no org id" from a multi-tenant server
	NotPyroscope                  // 404: the URL does not serve Pyroscope's API
	InvalidQuery                  // the server's own invalid_argument about the query
	RangeTooLong                  // over max_query_length
	TooManyNodes                  // maxNodes negative or over the server's cap
	Unreadable                    // an answer that could not be decoded
	Timeout                       // the settings' timeout or the request deadline passed
	Server                        // 5xx or anything else from the server
	Canceled                      // the caller went away
	Dropped                       // the connection closed in the middle of an answer
	WrongPath                     // 405: the URL is a page of Pyroscope (its UI), not its root
	TooLarge                      // an answer larger than the client accepts
)

// Error is a failed Pyroscope call. Message is the server's own message when
// it sent one (never a raw body); Err is kept for logs.
type Error struct {
	Kind    Kind
	Method  string
	Status  int
	Message string
	URL     string
	// Tenant is the X-Scope-OrgID that was sent ("" when none).
	Tenant string
	Err    error
}

func (e *Error) Error() string { return e.UserMessage() }

// Unwrap gives the underlying error to errors.Is/As.
func (e *Error) Unwrap() error { return e.Err }

var maxQueryLength = regexp.MustCompile(`limit: ([0-9a-z.]+)\)`)

// UserMessage is short and says what to change.
func (e *Error) UserMessage() string {
	switch e.Kind {
	case Unreachable:
		if e.Status != 0 {
			return fmt.Sprintf("a proxy in front of Pyroscope answered HTTP %d: it could not reach the server at %s; check that Pyroscope is running and that the proxy points at it", e.Status, e.URL)
		}
		why := ""
		if e.Message != "" {
			why = " (" + e.Message + ")"
		}
		return fmt.Sprintf("cannot connect to Pyroscope at %s%s: check the URL and that the server is running", e.URL, why)
	case Dropped:
		return fmt.Sprintf("the connection to Pyroscope at %s closed before the whole answer arrived: the server or a proxy in between stopped mid-answer (check their logs; lowering max nodes makes answers smaller)", e.URL)
	case WrongPath:
		root := rootURL(e.URL)
		if isUIPath(e.URL) {
			return fmt.Sprintf("the URL %s points at Pyroscope's web UI: use the server's root URL, e.g. %s", e.URL, root)
		}
		return fmt.Sprintf("%s answered HTTP %d to Pyroscope's query API: use the server's root URL, e.g. %s", e.URL, e.Status, root)
	case TooLarge:
		return fmt.Sprintf("Pyroscope's answer is larger than the %d MiB one query may receive: lower max nodes or narrow the label selector", MaxAnswerBytes>>20)
	case AuthRejected:
		return fmt.Sprintf("Pyroscope rejected the credentials (HTTP %d): check the authentication settings", e.Status)
	case TenantMissing:
		if e.Tenant != "" {
			return fmt.Sprintf("Pyroscope refused tenant %q (no org id): check the tenant ID, and that no proxy in front of Pyroscope drops the X-Scope-OrgID header", e.Tenant)
		}
		return "Pyroscope needs a tenant: set the tenant ID in the data source settings"
	case NotPyroscope:
		return fmt.Sprintf("%s does not look like a Pyroscope server (HTTP 404 on its query API): check the URL", e.URL)
	case RangeTooLong:
		limit := "the server's max_query_length"
		if m := maxQueryLength.FindStringSubmatch(e.Message); m != nil {
			limit = m[1] + " (max_query_length)"
		}
		return fmt.Sprintf("the time range is longer than Pyroscope allows (%s): choose a shorter range", limit)
	case TooManyNodes:
		return fmt.Sprintf("Pyroscope refused the max nodes value (%s): lower max nodes", e.Message)
	case Unreadable:
		return "the server sent an answer that could not be read as a Pyroscope response: check that the URL points at Pyroscope and not at a proxy or web page"
	case Timeout:
		return "the Pyroscope request timed out: choose a shorter time range or raise the timeout in the data source settings"
	case Canceled:
		return "the request was canceled"
	case InvalidQuery:
		if e.Message == "" {
			return "Pyroscope rejected the query"
		}
		return "Pyroscope rejected the query: " + e.Message
	default:
		if e.Message != "" {
			return "Pyroscope error: " + e.Message
		}
		if e.Status != 0 {
			return fmt.Sprintf("Pyroscope answered with HTTP %d", e.Status)
		}
		return "Pyroscope request failed"
	}
}

// classify turns a Connect call's error into an *Error. The recorded status
// and content type tell a server's own error from a body connect-go could not
// decode (which it also reports as invalid_argument or unknown).
func classify(method, baseURL, tenant string, err error, rec *recorder) *Error {
	e := &Error{Method: method, URL: baseURL, Tenant: tenant, Err: err}
	if rec != nil {
		e.Status = rec.status
	}
	var ce *connect.Error
	hasConnect := errors.As(err, &ce)
	jsonBody := rec != nil && strings.HasPrefix(rec.contentType, "application/json")
	if hasConnect && jsonBody && e.Status >= 400 {
		e.Message = short(ce.Message())
	}
	switch {
	case errors.Is(err, context.Canceled) || (hasConnect && ce.Code() == connect.CodeCanceled):
		e.Kind = Canceled
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err) || (hasConnect && ce.Code() == connect.CodeDeadlineExceeded):
		e.Kind = Timeout
	case hasConnect && ce.Code() == connect.CodeResourceExhausted && strings.Contains(ce.Message(), "larger than configured max"):
		e.Kind = TooLarge
	case e.Status == 0:
		e.Kind = Unreachable
		e.Message = cause(err)
	case cutShort(err):
		e.Kind = Dropped
	case e.Status == 200:
		e.Kind = Unreadable
	case e.Status == 401 && strings.Contains(e.Message, "no org id"):
		e.Kind = TenantMissing
	case e.Status == 401 || e.Status == 403:
		e.Kind = AuthRejected
	case e.Status == 404:
		e.Kind = NotPyroscope
	case e.Status == 405:
		e.Kind = WrongPath
	case (e.Status == 502 || e.Status == 503 || e.Status == 504) && e.Message == "":
		// A proxy's page: it could not reach the server.
		e.Kind = Unreachable
	case e.Status == 400 && jsonBody && strings.Contains(e.Message, "max_query_length"):
		e.Kind = RangeTooLong
	case e.Status == 400 && jsonBody && strings.Contains(e.Message, "flamegraph nodes"):
		e.Kind = TooManyNodes
	case e.Status >= 400 && e.Status < 500 && jsonBody && hasConnect && ce.Code() == connect.CodeInvalidArgument:
		e.Kind = InvalidQuery
	default:
		// 5xx and the rest: the server's message when it sent a Connect
		// error, only the status when a proxy answered with a page.
		e.Kind = Server
	}
	return e
}

// cutShort tells a connection that closed mid-answer (after the status line)
// from an answer that arrived whole but could not be read.
func cutShort(err error) bool {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "unexpected EOF") || strings.Contains(msg, "connection reset")
}

// rootURL is the scheme and host of a URL, what the settings should hold.
func rootURL(shown string) string {
	u, err := url.Parse(shown)
	if err != nil || u.Host == "" {
		return "http://pyroscope:4040"
	}
	return u.Scheme + "://" + u.Host
}

// isUIPath tells a URL on Pyroscope's web UI (/ui, /ui/...).
func isUIPath(shown string) bool {
	u, err := url.Parse(shown)
	if err != nil {
		return false
	}
	p := strings.TrimRight(u.Path, "/")
	return p == "/ui" || strings.HasSuffix(p, "/ui") || strings.Contains(p, "/ui/")
}

func isTimeout(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	var ue *url.Error
	return errors.As(err, &ue) && ue.Timeout()
}

// short keeps server messages to one readable line.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 300 {
		return string(r[:300]) + "…"
	}
	return s
}

// cause is the innermost reason of a transport error, e.g. "connection
// refused" or "certificate signed by unknown authority", without addresses.
func cause(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return short(msg)
}
