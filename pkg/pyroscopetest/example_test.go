package pyroscopetest_test

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"time"

	"connectrpc.com/connect"
	"github.com/embers/embers/pkg/pyroscopetest"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"github.com/grafana/pyroscope/api/gen/proto/go/querier/v1/querierv1connect"
)

// Serve the project's workload profile and list its profile types, as a
// datasource would. In a test, use pyroscopetest.New(t) instead.
func Example() {
	s := pyroscopetest.NewServer()
	defer s.Close()
	path := filepath.Join("..", "..", "testdata", "profiles", "workload-cpu.pb.gz")
	if err := s.IngestFile(path, map[string]string{"service_name": "workload"}); err != nil {
		fmt.Println(err)
		return
	}
	client := querierv1connect.NewQuerierServiceClient(http.DefaultClient, s.URL)
	now := time.Now()
	resp, err := client.ProfileTypes(context.Background(), connect.NewRequest(&querierv1.ProfileTypesRequest{
		Start: now.Add(-time.Hour).UnixMilli(), End: now.UnixMilli(),
	}))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range resp.Msg.ProfileTypes {
		fmt.Println(t.ID)
	}
	// Output:
	// process_cpu:cpu:nanoseconds:cpu:nanoseconds
	// process_cpu:samples:count:cpu:nanoseconds
}
