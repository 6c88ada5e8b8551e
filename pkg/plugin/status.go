package plugin

import (
	"context"
	"errors"
	"net/http"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/embers/embers/pkg/frames"
	"github.com/embers/embers/pkg/pyroscope"
)

// statusClientClosed is what a canceled request answers: the caller went
// away, it is neither a timeout nor the server's fault (nginx's 499).
const statusClientClosed backend.Status = 499

// kindStatus is the one table from a Pyroscope failure to the status queries
// and resources answer. The user's own settings or query are 4xx; timeouts
// are 504; everything the server or the network did is 502. 401/403 never
// reach the browser: it would read them as the Grafana session expiring.
var kindStatus = map[pyroscope.Kind]backend.Status{
	pyroscope.InvalidQuery:  backend.StatusBadRequest,
	pyroscope.RangeTooLong:  backend.StatusBadRequest,
	pyroscope.TooManyNodes:  backend.StatusBadRequest,
	pyroscope.TenantMissing: backend.StatusBadRequest,
	pyroscope.WrongPath:     backend.StatusBadRequest,
	pyroscope.NotPyroscope:  backend.StatusBadRequest,
	pyroscope.TooLarge:      backend.StatusBadRequest,
	pyroscope.Timeout:       backend.StatusTimeout,
	pyroscope.Canceled:      statusClientClosed,
	pyroscope.Unreachable:   backend.StatusBadGateway,
	pyroscope.AuthRejected:  backend.StatusBadGateway,
	pyroscope.Unreadable:    backend.StatusBadGateway,
	pyroscope.Dropped:       backend.StatusBadGateway,
	pyroscope.Server:        backend.StatusBadGateway,
}

// failure is how one error is answered: status, whose fault, and the text.
type failure struct {
	status  backend.Status
	source  backend.ErrorSource
	message string
}

// describeFailure reads any error of a query or resource call through
// kindStatus. A flame graph that breaks Pyroscope's encoding came from the
// server (502, downstream); any other error is the plugin's own (500).
func describeFailure(err error) failure {
	var perr *pyroscope.Error
	if !errors.As(err, &perr) {
		// The request ended while its answer was being converted.
		switch {
		case errors.Is(err, context.Canceled):
			perr = &pyroscope.Error{Kind: pyroscope.Canceled, Err: err}
		case errors.Is(err, context.DeadlineExceeded):
			perr = &pyroscope.Error{Kind: pyroscope.Timeout, Err: err}
		}
	}
	switch {
	case perr != nil:
		status, ok := kindStatus[perr.Kind]
		if !ok {
			status = backend.StatusBadGateway
		}
		return failure{status, backend.ErrorSourceDownstream, perr.UserMessage()}
	case errors.Is(err, frames.ErrUnreadableFlameGraph):
		return failure{backend.StatusBadGateway, backend.ErrorSourceDownstream, err.Error()}
	default:
		return failure{backend.StatusInternal, backend.ErrorSourcePlugin, err.Error()}
	}
}

// httpStatus is the resource answer's status for the same failure.
func (f failure) httpStatus() int {
	if f.status == statusClientClosed {
		return http.StatusBadGateway // the browser that canceled reads nothing
	}
	return int(f.status)
}
