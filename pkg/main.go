package main

import (
	"os"

	"github.com/grafana/grafana-plugin-sdk-go/backend/datasource"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/embers/embers/pkg/plugin"
)

func main() {
	// Manage serves the datasource over gRPC to Grafana and keeps one instance
	// per datasource settings version.
	if err := datasource.Manage("embers-pyroscope-datasource", plugin.NewDatasource, datasource.ManageOpts{}); err != nil {
		log.DefaultLogger.Error(err.Error())
		os.Exit(1)
	}
}
