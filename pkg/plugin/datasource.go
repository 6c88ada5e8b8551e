// Package plugin is the datasource backend: one instance per settings
// version, QueryData, resources and the health check.
package plugin

import (
	"context"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/instancemgmt"
	"github.com/grafana/grafana-plugin-sdk-go/backend/resource/httpadapter"

	"github.com/embers/embers/pkg/models"
	"github.com/embers/embers/pkg/pyroscope"
)

var (
	_ backend.QueryDataHandler      = (*Datasource)(nil)
	_ backend.CheckHealthHandler    = (*Datasource)(nil)
	_ backend.CallResourceHandler   = (*Datasource)(nil)
	_ instancemgmt.InstanceDisposer = (*Datasource)(nil)
)

// Datasource is one configured Pyroscope data source. Settings are parsed
// once; a settings error is kept and reported by every call instead of
// failing the instance, so the user sees it where they look.
type Datasource struct {
	settings    *models.Settings
	settingsErr error
	client      *pyroscope.Client
	resources   backend.CallResourceHandler
	// uid names this data source in the frames, for the panel's pprof export.
	uid string
}

// NewDatasource is the instance factory given to datasource.Manage.
func NewDatasource(ctx context.Context, ds backend.DataSourceInstanceSettings) (instancemgmt.Instance, error) {
	d := &Datasource{uid: ds.UID}
	d.resources = httpadapter.New(d.routes())
	s, err := models.LoadSettings(ds)
	if err != nil {
		d.settingsErr = err
		return d, nil
	}
	c, err := pyroscope.New(ctx, ds, s)
	if err != nil {
		d.settingsErr = err
		return d, nil
	}
	d.settings, d.client = s, c
	return d, nil
}

// Dispose drops idle connections when the settings change or Grafana stops.
func (d *Datasource) Dispose() {
	if d.client != nil {
		d.client.Close()
	}
}

// CallResource serves the editor's resources (resources.go).
func (d *Datasource) CallResource(ctx context.Context, req *backend.CallResourceRequest, sender backend.CallResourceResponseSender) error {
	return d.resources.CallResource(ctx, req, sender)
}
