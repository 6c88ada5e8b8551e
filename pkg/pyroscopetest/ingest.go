package pyroscopetest

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"connectrpc.com/connect"
	"github.com/google/pprof/profile"
)

// storedProfile is one upload: its profile types and its samples grouped by
// label set (each group is one series per profile type, as in Pyroscope).
type storedProfile struct {
	timeMs int64
	types  []profileType
	groups []*sampleGroup
}

type profileType struct {
	id, name, sampleType, sampleUnit, periodType, periodUnit string
}

type sampleGroup struct {
	labels  map[string]string // upload labels plus the samples' pprof labels
	samples []sample
}

type sample struct {
	stack  []string // function names, root first
	values []int64  // one per profile type
	spanID string   // the span_id pprof label, kept per sample as Pyroscope does
}

// pprof labels Pyroscope keeps out of series labels.
var hiddenSampleLabels = map[string]bool{"profile_id": true, "span_id": true}

// Ingest stores a pprof profile (gzipped or plain) received now. labels must
// include service_name; __name__ sets the profile name. It refuses what the
// real server refuses, with the same message.
func (s *Server) Ingest(pprofData []byte, labels map[string]string) error {
	return s.IngestAt(pprofData, labels, time.Now())
}

// IngestFile is Ingest for a file.
func (s *Server) IngestFile(path string, labels map[string]string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return s.Ingest(b, labels)
}

// IngestAt is Ingest with the time the profile is stored at.
func (s *Server) IngestAt(pprofData []byte, labels map[string]string, at time.Time) error {
	if labels["service_name"] == "" {
		return invalidArgument("service_name label is required")
	}
	p, err := profile.ParseData(pprofData)
	if err != nil {
		if strings.Contains(err.Error(), "reserved ID=0") {
			return invalidArgument("function id is 0")
		}
		return invalidArgument("failed to parse pprof: " + err.Error())
	}
	if err := checkProfile(p); err != nil {
		return err
	}
	sp := &storedProfile{timeMs: at.UnixMilli(), types: profileTypes(p, labels["__name__"])}
	byKey := map[string]*sampleGroup{}
	for _, smp := range p.Sample {
		if len(smp.Value) != len(p.SampleType) {
			return invalidArgument(fmt.Sprintf("sample has %d values, profile has %d sample types", len(smp.Value), len(p.SampleType)))
		}
		stack, ok := stackOf(smp)
		if !ok {
			continue
		}
		lbls := sampleLabels(labels, smp)
		key := labelsKey(lbls)
		g := byKey[key]
		if g == nil {
			g = &sampleGroup{labels: lbls}
			byKey[key] = g
			sp.groups = append(sp.groups, g)
		}
		g.samples = append(g.samples, sample{stack: stack, values: smp.Value, spanID: firstLabel(smp, "span_id")})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.profiles = append(s.profiles, sp)
	return nil
}

func invalidArgument(msg string) error {
	return connect.NewError(connect.CodeInvalidArgument, errors.New(msg))
}

// checkProfile applies the server's ingest checks: every line names a
// function and every string is UTF-8.
func checkProfile(p *profile.Profile) error {
	var bad string
	check := func(str string) {
		if bad == "" && !utf8.ValidString(str) {
			bad = str
		}
	}
	for _, l := range p.Location {
		for _, ln := range l.Line {
			if ln.Function == nil || ln.Function.ID == 0 {
				return invalidArgument("function id is 0")
			}
		}
	}
	for _, f := range p.Function {
		check(f.Name)
		check(f.SystemName)
		check(f.Filename)
	}
	for _, st := range p.SampleType {
		check(st.Type)
		check(st.Unit)
	}
	for _, m := range p.Mapping {
		check(m.File)
	}
	if bad != "" {
		b := []byte(bad)
		msg := "invalid utf8 string hex: "
		if len(b) > 15 {
			return invalidArgument(msg + hex.EncodeToString(b[:15]) + "…")
		}
		return invalidArgument(msg + hex.EncodeToString(b))
	}
	return nil
}

// stackOf returns a sample's function names, root first. Like Pyroscope it
// drops frames that have only an address, and the whole sample when a frame
// has neither address nor line.
func stackOf(smp *profile.Sample) ([]string, bool) {
	var stack []string
	for i := len(smp.Location) - 1; i >= 0; i-- {
		loc := smp.Location[i]
		if len(loc.Line) == 0 {
			if loc.Address == 0 {
				return nil, false
			}
			continue
		}
		// Line[0] is the innermost inlined function: walk from the outside in.
		for j := len(loc.Line) - 1; j >= 0; j-- {
			stack = append(stack, loc.Line[j].Function.Name)
		}
	}
	return stack, len(stack) > 0
}

func sampleLabels(upload map[string]string, smp *profile.Sample) map[string]string {
	out := make(map[string]string, len(upload)+len(smp.Label))
	for k, v := range smp.Label {
		if len(v) > 0 && !hiddenSampleLabels[k] {
			out[k] = v[0]
		}
	}
	for k, v := range upload {
		out[k] = v
	}
	return out
}

func labelsKey(l map[string]string) string {
	keys := sortedKeys(l)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "\x00" + l[k] + "\x00")
	}
	return b.String()
}

func sortedKeys(l map[string]string) []string {
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// profileTypes names the profile's sample types like Pyroscope:
// name:sample_type:sample_unit:period_type:period_unit.
func profileTypes(p *profile.Profile, name string) []profileType {
	if name == "" {
		name = derivedName(p)
	}
	var periodType, periodUnit string
	if p.PeriodType != nil {
		periodType, periodUnit = p.PeriodType.Type, p.PeriodType.Unit
	}
	types := make([]profileType, len(p.SampleType))
	for i, st := range p.SampleType {
		types[i] = profileType{
			id:   fmt.Sprintf("%s:%s:%s:%s:%s", name, st.Type, st.Unit, periodType, periodUnit),
			name: name, sampleType: st.Type, sampleUnit: st.Unit, periodType: periodType, periodUnit: periodUnit,
		}
	}
	return types
}

// derivedName guesses the profile name from its sample types when the upload
// does not set __name__, the way the Go SDK names them.
func derivedName(p *profile.Profile) string {
	for _, st := range p.SampleType {
		switch {
		case strings.HasPrefix(st.Type, "alloc_"), strings.HasPrefix(st.Type, "inuse_"):
			return "memory"
		case st.Type == "goroutine", st.Type == "goroutines":
			return "goroutines"
		case st.Type == "contentions", st.Type == "delay":
			return "mutex"
		}
	}
	return "process_cpu"
}
