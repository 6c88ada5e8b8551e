package pyroscope

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"

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
)

// Error is a failed Pyroscope call. Message is the server's own message when
// it sent one (never a raw body); Err is kept for logs.
type Error struct {
	Kind    Kind
	Method  string
	Status  int
	Message string
	URL     string
	Err     error
}

func (e *Error) Error() string { return e.UserMessage() }

// Unwrap gives the underlying error to errors.Is/As.
func (e *Error) Unwrap() error { return e.Err }

var maxQueryLength = regexp.MustCompile(`limit: ([0-9a-z.]+)\)`)

// UserMessage is short and says what to change.
func (e *Error) UserMessage() string {
	switch e.Kind {
	case Unreachable:
		why := ""
		if e.Message != "" {
			why = " (" + e.Message + ")"
		}
		return fmt.Sprintf("cannot connect to Pyroscope at %s%s: check the URL and that the server is running", e.URL, why)
	case AuthRejected:
		return fmt.Sprintf("Pyroscope rejected the credentials (HTTP %d): check the authentication settings", e.Status)
	case TenantMissing:
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
func classify(method, baseURL string, err error, rec *recorder) *Error {
	e := &Error{Method: method, URL: baseURL, Err: err}
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
	case e.Status == 0:
		e.Kind = Unreachable
		e.Message = cause(err)
	case e.Status == 200:
		e.Kind = Unreadable
	case e.Status == 401 && strings.Contains(e.Message, "no org id"):
		e.Kind = TenantMissing
	case e.Status == 401 || e.Status == 403:
		e.Kind = AuthRejected
	case e.Status == 404:
		e.Kind = NotPyroscope
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
