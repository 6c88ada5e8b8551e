package pyroscope

import (
	"context"
	"net/http"

	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
)

// recorder keeps what the last HTTP answer of one call looked like, so a
// decode failure on a 200 can be told from the server's own error.
type recorder struct {
	status      int
	contentType string
	// capture asks captureClient for the answer's body, and body is what
	// it read (nil when connect read the body itself).
	capture bool
	body    *bodyBuffer
}

type recorderKey struct{}

func withRecorder(ctx context.Context) (context.Context, *recorder) {
	rec := &recorder{}
	return context.WithValue(ctx, recorderKey{}, rec), rec
}

// recordingMiddleware notes the status and content type of each answer.
func recordingMiddleware() httpclient.Middleware {
	return httpclient.NamedMiddlewareFunc("embers-record-status", func(_ httpclient.Options, next http.RoundTripper) http.RoundTripper {
		return httpclient.RoundTripperFunc(func(req *http.Request) (*http.Response, error) {
			res, err := next.RoundTrip(req)
			if rec, ok := req.Context().Value(recorderKey{}).(*recorder); ok && res != nil {
				rec.status = res.StatusCode
				rec.contentType = res.Header.Get("Content-Type")
			}
			return res, err
		})
	})
}

// headersMiddleware adds the tenant and the bearer token. Values come from the
// settings; they are never logged.
func headersMiddleware(tenant, bearer string) httpclient.Middleware {
	return httpclient.NamedMiddlewareFunc("embers-tenant-auth", func(_ httpclient.Options, next http.RoundTripper) http.RoundTripper {
		return httpclient.RoundTripperFunc(func(req *http.Request) (*http.Response, error) {
			if tenant != "" {
				req.Header.Set("X-Scope-OrgID", tenant)
			}
			if bearer != "" {
				req.Header.Set("Authorization", "Bearer "+bearer)
			}
			return next.RoundTrip(req)
		})
	})
}
