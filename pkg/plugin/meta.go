package plugin

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// namesService matches an exact service_name matcher (`=`, not `=~` or `!=`).
var namesService = regexp.MustCompile(`(^|[{,\s])service_name\s*=\s*"`)

// noticeNameTheService explains why an unscoped selector can come back empty
// on Pyroscope 2 (DESIGN.md section 5).
const noticeNameTheService = `No data. Pyroscope 2 answers a selector without service_name="…" from compacted data only: name the service (e.g. {service_name="checkout"}) to see the newest data too.`

// selectorNamesService tells whether Pyroscope 2 reads fresh data for it.
func selectorNamesService(selector string) bool {
	return namesService.MatchString(selector)
}

// annotate sets what the query inspector shows on every frame.
func annotate(frames data.Frames, executed string) {
	for _, f := range frames {
		if f == nil {
			continue
		}
		if f.Meta == nil {
			f.Meta = &data.FrameMeta{}
		}
		f.Meta.ExecutedQueryString = executed
	}
}

// addNotice adds an info notice to the first frame, making one if needed.
func addNotice(frames data.Frames, text string) data.Frames {
	if len(frames) == 0 || frames[0] == nil {
		frames = append(data.Frames{data.NewFrame("")}, frames...)
	}
	f := frames[0]
	f.AppendNotices(data.Notice{Severity: data.NoticeSeverityInfo, Text: text})
	return frames
}

// emptyNotice adds the "name the service" hint to empty answers of an
// unscoped selector, and a plain "no data" otherwise.
func emptyNotice(frames data.Frames, selector string) data.Frames {
	if selectorNamesService(selector) {
		return addNotice(frames, fmt.Sprintf("No data for %s in this time range.", selector))
	}
	return addNotice(frames, noticeNameTheService)
}

// describe is the executedQueryString: type, profile type, selector, and the
// rest of what was sent.
func describe(kind, profileType, selector string, extra ...string) string {
	parts := append([]string{kind, profileType, selector}, extra...)
	return strings.Join(parts, " ")
}

func formatStep(step time.Duration) string {
	return "step=" + step.String()
}
