package plugin

import (
	"compress/gzip"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/proto"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/models"
)

// pprofExport is the flame graph frame's custom meta that lets the panel
// offer the merged profile as pprof: which data source to ask, and the
// query as executed (variables applied). src/panel/export/pprof.ts reads it.
type pprofExport struct {
	DatasourceUID string `json:"datasourceUid"`
	ProfileTypeID string `json:"profileTypeId"`
	LabelSelector string `json:"labelSelector"`
	From          int64  `json:"from"`
	To            int64  `json:"to"`
}

type flameMeta struct {
	Pprof pprofExport `json:"pprof"`
}

// annotatePprof marks a flame graph frame as exportable through the pprof
// resource.
func (d *Datasource) annotatePprof(f *data.Frame, q models.Query, pt models.ProfileType, tr backend.TimeRange) {
	// The resource exports a selection; a flame graph of chosen profiles is not one.
	if f == nil || f.Meta == nil || d.uid == "" || len(q.ProfileIDSelector) > 0 {
		return
	}
	f.Meta.Custom = flameMeta{pprofExport{d.uid, pt.ID, q.LabelSelector, tr.From.UnixMilli(), tr.To.UnixMilli()}}
}

// handlePprof answers GET pprof?profileTypeId=&selector=&from=&to= with the
// merged profile as a gzipped pprof file (what `go tool pprof` opens).
func (d *Datasource) handlePprof(w http.ResponseWriter, r *http.Request) {
	from, to, ok := d.resourceRange(w, r)
	if !ok {
		return
	}
	params := r.URL.Query()
	q := models.Query{QueryType: models.QueryTypeProfile, ProfileTypeID: params.Get("profileTypeId"), LabelSelector: params.Get("selector")}
	if strings.TrimSpace(q.LabelSelector) == "" {
		q.LabelSelector = "{}"
	}
	if err := q.Validate(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	pt, _ := models.ParseProfileType(q.ProfileTypeID) // checked by Validate
	maxNodes := d.settings.MaxNodes
	prof, err := d.client.SelectMergeProfile(r.Context(), &querierv1.SelectMergeProfileRequest{
		ProfileTypeID: pt.ID, LabelSelector: q.LabelSelector, Start: from, End: to, MaxNodes: &maxNodes,
	})
	if err != nil {
		writeUpstreamError(w, r, err)
		return
	}
	body, err := proto.Marshal(prof)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "the profile could not be encoded as pprof")
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, pprofFileName(pt, q.LabelSelector, from)))
	w.WriteHeader(http.StatusOK)
	gz := gzip.NewWriter(w)
	_, _ = gz.Write(body)
	_ = gz.Close()
}

var (
	serviceInSelector = regexp.MustCompile(`service_name"?\s*=\s*"([^"]*)"`)
	unsafeInFileName  = regexp.MustCompile(`[^A-Za-z0-9._-]+`)
)

// pprofFileName names the download after what it holds:
// <service>_<profile>-<sample type>_<start, UTC>.pb.gz.
func pprofFileName(pt models.ProfileType, selector string, fromMs int64) string {
	service := "profile"
	if m := serviceInSelector.FindStringSubmatch(selector); m != nil && m[1] != "" {
		service = m[1]
	}
	name := fmt.Sprintf("%s_%s-%s_%s", service, pt.Name, pt.SampleType, time.UnixMilli(fromMs).UTC().Format("20060102-150405"))
	name = strings.Trim(unsafeInFileName.ReplaceAllString(name, "-"), "-.")
	if len(name) > 150 {
		name = name[:150]
	}
	return name + ".pb.gz"
}
