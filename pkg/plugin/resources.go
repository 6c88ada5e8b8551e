package plugin

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/embers/embers/pkg/models"
)

// maxResourceRange is Pyroscope's default max_query_length: resource calls
// use at most the last 24 h of the range they are given.
const maxResourceRange = 24 * time.Hour

// profileTypeInfo is one entry of the profileTypes resource (ProfileTypeInfo
// in src/datasource/types.ts).
type profileTypeInfo struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	SampleType string `json:"sampleType"`
	SampleUnit string `json:"sampleUnit"`
	PeriodType string `json:"periodType"`
	PeriodUnit string `json:"periodUnit"`
}

func (d *Datasource) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /profileTypes", d.handleProfileTypes)
	mux.HandleFunc("GET /labelNames", d.handleLabelNames)
	mux.HandleFunc("GET /labelValues", d.handleLabelValues)
	mux.HandleFunc("GET /pprof", d.handlePprof) // resource_pprof.go
	return mux
}

func (d *Datasource) handleProfileTypes(w http.ResponseWriter, r *http.Request) {
	from, to, ok := d.resourceRange(w, r)
	if !ok {
		return
	}
	types, err := d.client.ProfileTypes(r.Context(), from, to)
	if err != nil {
		writeUpstreamError(w, r, err)
		return
	}
	out := make([]profileTypeInfo, 0, len(types))
	for _, t := range types {
		out = append(out, profileTypeInfo{ID: t.ID, Name: t.Name, SampleType: t.SampleType, SampleUnit: t.SampleUnit, PeriodType: t.PeriodType, PeriodUnit: t.PeriodUnit})
	}
	slices.SortFunc(out, func(a, b profileTypeInfo) int { return strings.Compare(a.ID, b.ID) })
	writeJSON(w, http.StatusOK, out)
}

func (d *Datasource) handleLabelNames(w http.ResponseWriter, r *http.Request) {
	from, to, ok := d.resourceRange(w, r)
	if !ok {
		return
	}
	matchers, err := matchersFrom(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	names, err := d.client.LabelNames(r.Context(), matchers, from, to)
	if err != nil {
		writeUpstreamError(w, r, err)
		return
	}
	visible := make([]string, 0, len(names))
	for _, n := range names {
		if !strings.HasPrefix(n, "__") {
			visible = append(visible, n)
		}
	}
	writeJSON(w, http.StatusOK, sortedUnique(visible))
}

func (d *Datasource) handleLabelValues(w http.ResponseWriter, r *http.Request) {
	from, to, ok := d.resourceRange(w, r)
	if !ok {
		return
	}
	label := strings.TrimSpace(r.URL.Query().Get("label"))
	if label == "" {
		writeError(w, http.StatusBadRequest, "the label parameter is required: which label's values to list")
		return
	}
	matchers, err := matchersFrom(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	values, err := d.client.LabelValues(r.Context(), label, matchers, from, to)
	if err != nil {
		writeUpstreamError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sortedUnique(values))
}

// resourceRange reads from/to (unix ms; the last hour when both are absent)
// and keeps at most the last 24 h of it. It answers 4xx itself when it fails.
func (d *Datasource) resourceRange(w http.ResponseWriter, r *http.Request) (int64, int64, bool) {
	if d.settingsErr != nil {
		writeError(w, http.StatusBadRequest, "the data source settings are invalid: "+d.settingsErr.Error())
		return 0, 0, false
	}
	q := r.URL.Query()
	now := time.Now()
	from, to := now.Add(-time.Hour).UnixMilli(), now.UnixMilli()
	if q.Get("from") != "" || q.Get("to") != "" {
		var err error
		if from, err = msParam(q, "from"); err == nil {
			to, err = msParam(q, "to")
		}
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return 0, 0, false
		}
	}
	if err := models.CheckTimeRange(from, to); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return 0, 0, false
	}
	if to-from > maxResourceRange.Milliseconds() {
		from = to - maxResourceRange.Milliseconds()
	}
	return from, to, true
}

func msParam(q url.Values, name string) (int64, error) {
	v, err := strconv.ParseInt(q.Get(name), 10, 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("%s must be a time in unix milliseconds, got %q", name, q.Get(name))
	}
	return v, nil
}

// matchersFrom turns profileTypeId and selector into one Pyroscope matcher,
// e.g. {__profile_type__="process_cpu:…", service_name="checkout"}.
func matchersFrom(q url.Values) ([]string, error) {
	var parts []string
	if id := strings.TrimSpace(q.Get("profileTypeId")); id != "" {
		if _, err := models.ParseProfileType(id); err != nil {
			return nil, err
		}
		parts = append(parts, "__profile_type__="+strconv.Quote(id))
	}
	if sel := strings.TrimSpace(q.Get("selector")); sel != "" {
		if err := models.CheckSelector("selector", sel); err != nil {
			return nil, err
		}
		if inner := strings.TrimSpace(sel[1 : len(sel)-1]); inner != "" {
			parts = append(parts, inner)
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	return []string{"{" + strings.Join(parts, ", ") + "}"}, nil
}

// sortedUnique is never nil: Pyroscope answers no values as null (or an
// absent field) and the editors need a JSON list.
func sortedUnique(in []string) []string {
	out := append([]string{}, in...)
	slices.Sort(out)
	return slices.Compact(out)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// writeUpstreamError answers a failed call with the status of the one table
// (status.go) and the user's message.
func writeUpstreamError(w http.ResponseWriter, r *http.Request, err error) {
	f := describeFailure(err)
	status := f.httpStatus()
	logger := log.DefaultLogger.FromContext(r.Context())
	logger.Warn("Resource call failed", "path", r.URL.Path, "status", status)
	logger.Debug("Resource error", "path", r.URL.Path, "error", f.message)
	writeError(w, status, f.message)
}
