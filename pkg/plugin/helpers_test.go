package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"google.golang.org/protobuf/proto"

	"github.com/embers/embers/pkg/pyroscope/replay"
)

const cpuType = "process_cpu:cpu:nanoseconds:cpu:nanoseconds"

func newDS(t *testing.T, url, jsonData string, secure map[string]string) *Datasource {
	t.Helper()
	inst, err := NewDatasource(context.Background(), backend.DataSourceInstanceSettings{
		Type: "embers-pyroscope-datasource", URL: url, JSONData: json.RawMessage(jsonData), DecryptedSecureJSONData: secure,
	})
	if err != nil {
		t.Fatal(err)
	}
	d := inst.(*Datasource)
	t.Cleanup(d.Dispose)
	return d
}

// recordedRange is the time range a recorded case was asked for.
func recordedRange(t *testing.T, rc replay.Case) backend.TimeRange {
	t.Helper()
	// Recorded requests hold numbers, not strings: read them loosely.
	var loose map[string]any
	if err := json.Unmarshal(rc.Request, &loose); err != nil {
		t.Fatal(err)
	}
	if left, ok := loose["left"].(map[string]any); ok {
		loose = left
	}
	start, end := int64(loose["start"].(float64)), int64(loose["end"].(float64))
	return backend.TimeRange{From: time.UnixMilli(start), To: time.UnixMilli(end)}
}

// emptySeries is the real server's answer to a SelectSeries that matches
// nothing: `{}`, since JSON omits empty fields.
func emptySeries() replay.Case {
	return replay.Case{Name: "series-empty", Method: "/querier.v1.QuerierService/SelectSeries", Status: 200, Response: json.RawMessage(`{}`)}
}

func dataQuery(refID string, tr backend.TimeRange, js string) backend.DataQuery {
	return backend.DataQuery{RefID: refID, TimeRange: tr, Interval: 15 * time.Second, MaxDataPoints: 1000, JSON: json.RawMessage(js)}
}

func queryJSON(queryType, profileType, selector string, extra string) string {
	sel, _ := json.Marshal(selector)
	s := fmt.Sprintf(`{"queryType":%q,"profileTypeId":%q,"labelSelector":%s`, queryType, profileType, sel)
	if extra != "" {
		s += "," + extra
	}
	return s + "}"
}

func runQueries(t *testing.T, d *Datasource, headers map[string]string, qs ...backend.DataQuery) *backend.QueryDataResponse {
	t.Helper()
	resp, err := d.QueryData(context.Background(), &backend.QueryDataRequest{Headers: headers, Queries: qs})
	if err != nil {
		t.Fatalf("QueryData itself failed: %v", err)
	}
	return resp
}

// sent decodes the body of the n-th request of a method into msg.
func sent[M proto.Message](t *testing.T, srv *replay.Server, method string, n int, msg M) M {
	t.Helper()
	seen := 0
	for _, r := range srv.Requests() {
		if r.Method != method {
			continue
		}
		if seen == n {
			if err := proto.Unmarshal(r.Body, msg); err != nil {
				t.Fatalf("decoding the %s request: %v", method, err)
			}
			return msg
		}
		seen++
	}
	t.Fatalf("no request %d for %s", n, method)
	return msg
}

func frameByName(t *testing.T, frames data.Frames, name string) *data.Frame {
	t.Helper()
	for _, f := range frames {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no frame named %q among %d frames", name, len(frames))
	return nil
}

func int64At(t *testing.T, f *data.Frame, field string, row int) int64 {
	t.Helper()
	fld, _ := f.FieldByName(field)
	if fld == nil {
		t.Fatalf("frame %q has no field %q", f.Name, field)
	}
	v, ok := fld.ConcreteAt(row)
	if !ok {
		t.Fatalf("field %q row %d is null", field, row)
	}
	n, ok := v.(int64)
	if !ok {
		t.Fatalf("field %q holds %T, want int64", field, v)
	}
	return n
}

// captureLogs records every log line's message and arguments.
type captureLogs struct {
	mu    sync.Mutex
	lines []string
}

func (c *captureLogs) add(level, msg string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lines = append(c.lines, level+" "+msg+" "+strings.TrimSpace(fmt.Sprintln(args...)))
}
func (c *captureLogs) Debug(msg string, args ...any)          { c.add("debug", msg, args...) }
func (c *captureLogs) Info(msg string, args ...any)           { c.add("info", msg, args...) }
func (c *captureLogs) Warn(msg string, args ...any)           { c.add("warn", msg, args...) }
func (c *captureLogs) Error(msg string, args ...any)          { c.add("error", msg, args...) }
func (c *captureLogs) With(...any) log.Logger                 { return c }
func (c *captureLogs) Level() log.Level                       { return log.Debug }
func (c *captureLogs) FromContext(context.Context) log.Logger { return c }
func (c *captureLogs) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.lines...)
}

// withCapturedLogs swaps the SDK's default logger for the test.
func withCapturedLogs(t *testing.T) *captureLogs {
	c := &captureLogs{}
	prev := log.DefaultLogger
	log.DefaultLogger = c
	t.Cleanup(func() { log.DefaultLogger = prev })
	return c
}

// afterCall is a logger that runs fn each time the Pyroscope client logs a
// successful call: the answer is in and decoded, only its conversion is left.
type afterCall struct {
	captureLogs
	fn func()
}

func (a *afterCall) Debug(msg string, args ...any) {
	if msg == "Pyroscope call" {
		a.fn()
	}
	a.captureLogs.Debug(msg, args...)
}
func (a *afterCall) With(...any) log.Logger                 { return a }
func (a *afterCall) FromContext(context.Context) log.Logger { return a }

// onEachAnswer swaps the SDK's default logger for an afterCall running fn.
func onEachAnswer(t *testing.T, fn func()) *afterCall {
	a := &afterCall{fn: fn}
	prev := log.DefaultLogger
	log.DefaultLogger = a
	t.Cleanup(func() { log.DefaultLogger = prev })
	return a
}

// bigAnswerCase is one query kind whose flame graph answer is large: many more
// nodes than are converted between the conversion's looks at the request.
type bigAnswerCase struct{ name, url, query string }

// bigAnswerCases serves a large answer for each query kind that converts a
// flame graph: profile, span profile and diff.
func bigAnswerCases(t *testing.T) []bigAnswerCase {
	const leaves = 100_000
	sel := `{service_name="a"}`
	return []bigAnswerCase{
		{"profile", protoServer(t, bigFlameGraph(leaves)), queryJSON("profile", cpuType, sel, "")},
		{"span profile", protoServer(t, bigFlameGraph(leaves)), queryJSON("profile", cpuType, sel, `"spanSelector":["19e129611805ff6c"]`)},
		{"diff", diffServer(t, bigDiffFlameGraph(leaves)), queryJSON("diff", cpuType, sel, `"right":{"labelSelector":"{service_name=\"b\"}"}`)},
	}
}
