package pyroscopetest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/embers/embers/internal/testpaths"
	"github.com/embers/embers/pkg/pyroscope/replay"
)

// recordedSet is a folder of answers recorded from a real server and the
// pprof files that were uploaded to it: the project's own set
// (testdata/recorded with testdata/profiles), or the third-party one of the
// conformance tier.
type recordedSet struct {
	dir      string // the recorded cases and their index.json
	profiles string // the pprof files the index's uploads name
	// defaultUploadTime places uploads the index gives no time for.
	defaultUploadTime time.Time
	// replayable picks the cases the fake can answer from these uploads.
	replayable func(c replay.Case) bool
}

type recordedIndex struct {
	Uploads []struct {
		ServiceName     string            `json:"service_name"`
		File            string            `json:"file"`
		Labels          map[string]string `json:"labels"`
		UploadedAt      int64             `json:"uploadedAt"`
		RefusedOnUpload string            `json:"refusedOnUpload"`
	} `json:"uploads"`
	Cases []struct {
		Name   string `json:"name"`
		Method string `json:"method"`
	} `json:"cases"`
}

// ownSet is the project's own recorded answers.
func ownSet(tb testing.TB) recordedSet {
	return recordedSet{
		dir:        replay.Dir(tb),
		profiles:   testpaths.Repo(tb, "testdata", "profiles"),
		replayable: replayableOwnCase,
	}
}

func readJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
}

func (rs recordedSet) index(tb testing.TB) recordedIndex {
	var idx recordedIndex
	readJSON(tb, filepath.Join(rs.dir, "index.json"), &idx)
	return idx
}

// ingestUploads uploads the set's profiles under the labels (and at the
// times) the real server got them, and checks the refused ones are refused
// with its message.
func (rs recordedSet) ingestUploads(tb testing.TB, s *Server) {
	tb.Helper()
	at := rs.defaultUploadTime
	for _, u := range rs.index(tb).Uploads {
		labels := map[string]string{"service_name": u.ServiceName}
		for k, v := range u.Labels {
			labels[k] = v
		}
		data, err := os.ReadFile(filepath.Join(rs.profiles, u.File))
		if err != nil {
			tb.Fatal(err)
		}
		when := at
		if u.UploadedAt != 0 {
			when = time.UnixMilli(u.UploadedAt)
		}
		err = s.IngestAt(data, labels, when)
		switch {
		case u.RefusedOnUpload != "" && err == nil:
			tb.Errorf("%s: ingest accepted a profile the server refused with %q", u.File, u.RefusedOnUpload)
		case u.RefusedOnUpload != "" && "error: "+err.Error() != u.RefusedOnUpload:
			tb.Errorf("%s: ingest error %q, server said %q", u.File, "error: "+err.Error(), u.RefusedOnUpload)
		case u.RefusedOnUpload == "" && err != nil:
			tb.Errorf("%s: %v", u.File, err)
		}
		if u.RefusedOnUpload == "" && u.ServiceName == "go-cpu" {
			at = at.Add(20 * time.Second) // the second go-cpu upload came 20 s after the first
		}
	}
}
