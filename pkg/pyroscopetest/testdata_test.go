package pyroscopetest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/embers/embers/internal/testpaths"
)

type recordedIndex struct {
	Uploads []struct {
		ServiceName     string            `json:"service_name"`
		File            string            `json:"file"`
		Labels          map[string]string `json:"labels"`
		RefusedOnUpload string            `json:"refusedOnUpload"`
	} `json:"uploads"`
	Cases []struct {
		Name   string `json:"name"`
		Method string `json:"method"`
	} `json:"cases"`
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

func loadIndex(tb testing.TB) recordedIndex {
	var idx recordedIndex
	readJSON(tb, filepath.Join(testpaths.Shared(tb), "recorded", "index.json"), &idx)
	return idx
}

// recordedUploadTime lies inside every recorded query's range and in the
// same series step buckets as the real uploads (the second go-cpu upload
// came 20 s after the first).
var recordedUploadTime = time.UnixMilli(1795587010000)

// ingestRecordedUploads uploads the shared profiles under the labels the
// real server got, and checks the refused ones are refused with its message.
func ingestRecordedUploads(tb testing.TB, s *Server) {
	tb.Helper()
	at := recordedUploadTime
	for _, u := range loadIndex(tb).Uploads {
		labels := map[string]string{"service_name": u.ServiceName}
		for k, v := range u.Labels {
			labels[k] = v
		}
		data, err := os.ReadFile(filepath.Join(testpaths.Shared(tb), "profiles", u.File))
		if err != nil {
			tb.Fatal(err)
		}
		err = s.IngestAt(data, labels, at)
		switch {
		case u.RefusedOnUpload != "" && err == nil:
			tb.Errorf("%s: ingest accepted a profile the server refused with %q", u.File, u.RefusedOnUpload)
		case u.RefusedOnUpload != "" && "error: "+err.Error() != u.RefusedOnUpload:
			tb.Errorf("%s: ingest error %q, server said %q", u.File, "error: "+err.Error(), u.RefusedOnUpload)
		case u.RefusedOnUpload == "" && err != nil:
			tb.Errorf("%s: %v", u.File, err)
		}
		if u.RefusedOnUpload == "" && u.ServiceName == "go-cpu" {
			at = at.Add(20 * time.Second)
		}
	}
}
