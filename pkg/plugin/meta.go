package plugin

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/embers/embers/pkg/frames"
)

// namesService matches an exact service_name matcher (`=`, not `=~` or `!=`),
// the name bare or quoted as UTF-8 names are (`"service_name"="x"`).
var namesService = regexp.MustCompile("(^|[{,\\s])(service_name|\"service_name\"|'service_name')\\s*=\\s*[\"'`]")

// noticeNameTheService explains why an unscoped selector can come back empty
// on Pyroscope 2 (DESIGN.md section 5).
const noticeNameTheService = `No data. Pyroscope 2 answers a selector without service_name="…" from compacted data only: name the service (e.g. {service_name="checkout"}) to see the newest data too.`

// selectorNamesService tells whether Pyroscope 2 reads fresh data for it.
func selectorNamesService(selector string) bool {
	return namesService.MatchString(selector)
}

// annotate sets what the query inspector shows on every frame.
func annotate(fs data.Frames, executed string) {
	for _, f := range fs {
		if f == nil {
			continue
		}
		if f.Meta == nil {
			f.Meta = &data.FrameMeta{}
		}
		f.Meta.ExecutedQueryString = executed
	}
}

// executedOnly is the answer beside a failed call: an empty frame that still
// shows the query inspector what was sent.
func executedOnly(executed string) data.Frames {
	fs := data.Frames{data.NewFrame("")}
	annotate(fs, executed)
	return fs
}

// addNotice adds an info notice to the first frame, making one if needed. It
// replaces the converter's generic "no profile data" notice, which would only
// repeat it.
func addNotice(fs data.Frames, text string) data.Frames {
	if len(fs) == 0 || fs[0] == nil {
		fs = append(data.Frames{data.NewFrame("")}, fs...)
	}
	f := fs[0]
	if f.Meta != nil {
		f.Meta.Notices = slices.DeleteFunc(f.Meta.Notices, func(n data.Notice) bool { return n.Text == frames.NoDataNotice })
	}
	f.AppendNotices(data.Notice{Severity: data.NoticeSeverityInfo, Text: text})
	return fs
}

// emptyNotice adds the "name the service" hint to empty answers of an
// unscoped selector, and a plain "no data" otherwise.
func emptyNotice(fs data.Frames, selector string) data.Frames {
	if selectorNamesService(selector) {
		return addNotice(fs, fmt.Sprintf("No data for %s in this time range.", shownSelector(selector)))
	}
	return addNotice(fs, noticeNameTheService)
}

// dedupeNotices keeps each notice text only on the last frame that carries
// it: Grafana shows the notices of every frame, so a "both" query whose series
// and flame graph are both empty would say the same thing twice. The last
// frame is the flame graph, which the flame graph panel reads notices from.
func dedupeNotices(fs data.Frames) {
	seen := map[string]bool{}
	for i := len(fs) - 1; i >= 0; i-- {
		f := fs[i]
		if f == nil || f.Meta == nil {
			continue
		}
		f.Meta.Notices = slices.DeleteFunc(f.Meta.Notices, func(n data.Notice) bool {
			dup := seen[n.Text]
			seen[n.Text] = true
			return dup
		})
	}
}

// describe is the executedQueryString: type, profile type, selector, and the
// rest of what was sent.
func describe(kind, profileType, selector string, extra ...string) string {
	parts := append([]string{kind, profileType, shownSelector(selector)}, extra...)
	return strings.Join(parts, " ")
}

func formatStep(step time.Duration) string {
	return "step=" + step.String()
}

// formatResolution says, in the executed query, why the frame's step differs
// from the step sent.
func formatResolution(res frames.Resolution) string {
	text := "points=" + res.Step.String()
	if res.Period > 0 {
		text += " (data every " + res.Period.String() + ")"
	}
	return text
}

// resolutionMeta is the frames' custom meta: the step sent, the step of the
// points (what a rate was divided by) and the upload period read from the data.
type resolutionMeta struct {
	QueriedStepSeconds  float64 `json:"queriedStepSeconds"`
	StepSeconds         float64 `json:"stepSeconds"`
	UploadPeriodSeconds float64 `json:"uploadPeriodSeconds,omitempty"`
}

func annotateResolution(fs data.Frames, res frames.Resolution) {
	meta := resolutionMeta{res.Queried.Seconds(), res.Step.Seconds(), res.Period.Seconds()}
	for _, f := range fs {
		if f != nil && f.Meta != nil {
			f.Meta.Custom = meta
		}
	}
}

// maxShownSelector bounds how much of a selector the query inspector repeats
// (a generated selector can be hundreds of KB).
const maxShownSelector = 1000

// shownSelector is the selector as executedQueryString shows it: whole when
// short, else its start and its length.
func shownSelector(sel string) string {
	if len(sel) <= maxShownSelector {
		return sel
	}
	cut := maxShownSelector
	for cut > 0 && !utf8.RuneStart(sel[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (selector cut, %d bytes in all)", sel[:cut], len(sel))
}
