// Harness for the shipped files: loads the BUILT dist/module.js, dist/datasource/module.js
// and dist/panel/module.js as AMD modules with this page as the host (see lib/amdHost.ts),
// then renders the datasource's ConfigEditor and QueryEditor and the panel from those
// bundles, never from src/. The data source's resource calls reach a fake backend
// service installed in the page's @grafana/runtime, which is the one the bundles were
// handed: if the externals were bundled in instead, the editor would never see it.
import {
  AppPlugin,
  CoreApp,
  DataSourceInstanceSettings,
  DataSourcePlugin,
  dateTime,
  PanelPlugin,
  PanelProps,
  standardEditorsRegistry,
  TimeRange,
} from '@grafana/data';
import { BackendSrv, BackendSrvRequest, setBackendSrv, setTemplateSrv } from '@grafana/runtime';
import React, { useState } from 'react';
import { of, throwError } from 'rxjs';
import { dataSourceSettings } from '../../src/datasource/testing/dataSourceSettings';
import { fakeTemplateSrv } from '../../src/datasource/variables/fakeTemplateSrv';
import { loadAmdModule } from './lib/amdHost';
import { loadFrame } from './lib/loadFrame';
import { mount, showFatal } from './lib/mount';
import { panelProps } from './lib/panelProps';

const DS_UID = 'built-embers';

/** What the backend's resource routes answer (the Go SDK's profile types, two services). */
const RESOURCES: Record<string, unknown> = {
  profileTypes: [
    ['process_cpu:cpu:nanoseconds:cpu:nanoseconds', 'process_cpu', 'cpu', 'nanoseconds', 'cpu', 'nanoseconds'],
    ['memory:inuse_space:bytes:space:bytes', 'memory', 'inuse_space', 'bytes', 'space', 'bytes'],
    ['goroutines:goroutine:count:goroutine:count', 'goroutines', 'goroutine', 'count', 'goroutine', 'count'],
  ].map(([id, name, sampleType, sampleUnit, periodType, periodUnit]) => ({
    id,
    name,
    sampleType,
    sampleUnit,
    periodType,
    periodUnit,
  })),
  labelNames: ['region', 'service_name'],
  labelValues: ['built-service', 'other-service'],
};

const calls: string[] = [];
const fakeBackend = {
  fetch: (req: BackendSrvRequest) => {
    calls.push(req.url);
    const route = /\/api\/datasources\/uid\/[^/]+\/resources\/(\w+)$/.exec(req.url)?.[1];
    if (route && route in RESOURCES) {
      return of({ data: RESOURCES[route], status: 200, ok: true });
    }
    return throwError(() => ({ status: 404, data: { message: `no fake answer for ${req.url}` } }));
  },
} as unknown as BackendSrv;

const to = dateTime(Date.UTC(2026, 10, 25, 12, 0, 0));
const range: TimeRange = { from: dateTime(to).subtract(1, 'hour'), to, raw: { from: 'now-1h', to: 'now' } };

const settings = () => dataSourceSettings({ uid: DS_UID, name: 'Embers (built)' });

interface Loaded {
  app: AppPlugin;
  datasource: DataSourcePlugin;
  datasourceMeta: unknown;
  panel: PanelPlugin;
}

function Harness({ loaded, series }: { loaded: Loaded; series: PanelProps['data']['series'] }) {
  const { datasource, datasourceMeta, panel } = loaded;
  const [options, setOptions] = useState(settings);
  const [query, setQuery] = useState({ refId: 'A' } as Record<string, unknown> & { refId: string });
  const instance = React.useMemo(
    () =>
      new datasource.DataSourceClass({
        ...settings(),
        meta: datasourceMeta,
        readOnly: false,
      } as unknown as DataSourceInstanceSettings),
    [datasource, datasourceMeta]
  );
  const ConfigEditor = datasource.components.ConfigEditor!;
  const QueryEditor = datasource.components.QueryEditor!;
  const Panel = panel.panel!;
  // Grafana fills in the defaults of the panel's own option editors before it renders.
  const [panelOptions, setPanelOptions] = useState(() => structuredClone(panel.defaults ?? {}));
  (window as unknown as { __built: unknown }).__built = { options, query, calls };
  return (
    <div style={{ width: 1200 }}>
      <section data-testid="built-config-editor">
        <ConfigEditor options={options} onOptionsChange={setOptions} />
      </section>
      <section data-testid="built-query-editor" style={{ marginTop: 24 }}>
        <QueryEditor
          datasource={instance}
          query={query}
          range={range}
          app={CoreApp.Explore}
          onChange={(q) => setQuery(q as typeof query)}
          onRunQuery={() => {}}
        />
      </section>
      <section data-testid="built-panel" style={{ width: 1200, height: 400, marginTop: 120, position: 'relative' }}>
        <Panel {...panelProps(series, panelOptions, { width: 1200, height: 400 }, setPanelOptions)} />
      </section>
    </div>
  );
}

/**
 * Grafana registers its option editors (radio, switch, …) at start-up; a panel's
 * option builder looks them up there, so the host page registers stand-ins.
 */
function registerOptionEditors() {
  const ids = ['boolean', 'number', 'radio', 'select', 'slider', 'text', 'color', 'multi-select', 'unit', 'strings'];
  standardEditorsRegistry.setInit(() => ids.map((id) => ({ id, name: id, editor: () => null })));
}

async function main() {
  setBackendSrv(fakeBackend);
  setTemplateSrv(fakeTemplateSrv({}));
  registerOptionEditors();
  // One at a time: each bundle calls the define() installed for it.
  const app = (await loadAmdModule('/dist/module.js')).plugin;
  const datasource = (await loadAmdModule('/dist/datasource/module.js')).plugin;
  const panel = (await loadAmdModule('/dist/panel/module.js')).plugin;
  if (!(app instanceof AppPlugin) || !(datasource instanceof DataSourcePlugin) || !(panel instanceof PanelPlugin)) {
    throw new Error(
      'the bundles do not export an AppPlugin, a DataSourcePlugin and a PanelPlugin built on the host @grafana/data'
    );
  }
  // Grafana hands a data source the metadata of its plugin.json.
  const datasourceMeta = await (await fetch('/dist/datasource/plugin.json')).json();
  const series = await loadFrame(new URLSearchParams({ frame: 'workload-cpu' }));
  mount(<Harness loaded={{ app, datasource, datasourceMeta, panel }} series={series} />);
}

main().catch((err: Error) => showFatal(`the built plugins could not load: ${err.message}`));
