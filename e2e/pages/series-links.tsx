// Harness for the links from a series to the flame graph: the real data source
// answers a metrics query with a series frame as the backend sends it (its
// backend call is stubbed), and the page shows, as Grafana's DataLinkButton,
// the links Grafana's own link supplier makes for one point (`?row=`).
import { dataFrameToJSON, dateTime, LinkModel } from '@grafana/data';
import { BackendSrv, setBackendSrv, setTemplateSrv } from '@grafana/runtime';
import { DataLinkButton } from '@grafana/ui';
import React from 'react';
import { lastValueFrom, of } from 'rxjs';
import { embersDataSource } from '../../src/datasource/testing/embersDataSource';
import { backendSeriesFrame, linksAtPoint } from '../../src/datasource/testing/seriesLinkModels';
import type { EmbersQuery } from '../../src/datasource/types';
import { fakeTemplateSrv } from '../../src/datasource/variables/fakeTemplateSrv';
import { mount, showFatal } from './lib/mount';

const from = Date.UTC(2026, 11, 1, 10, 0, 0);
const to = from + 3600_000;
const step = 15_000;
const times = Array.from({ length: 8 }, (_, i) => from + i * step);
const selector = '{service_name="embers-demo", region="eu-west"}';

const frame = backendSeriesFrame(times, step, selector, 'embers');
setBackendSrv({
  fetch: () => of({ data: { results: { A: { status: 200, frames: [dataFrameToJSON(frame)] } } } }),
} as unknown as BackendSrv);
setTemplateSrv(fakeTemplateSrv({}));

(window as unknown as Record<string, unknown>).__series = { from, to, step, times, selector, uid: 'embers' };

async function main() {
  const row = Number(new URLSearchParams(window.location.search).get('row') ?? 2);
  const ds = embersDataSource();
  const query: EmbersQuery = {
    refId: 'A',
    queryType: 'metrics',
    profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
    labelSelector: '{service_name="embers-demo"}',
    groupBy: ['region'],
  };
  const range = { from: dateTime(from), to: dateTime(to), raw: { from: 'now-1h', to: 'now' } };
  const res = await lastValueFrom(ds.query({ targets: [query], range, requestId: 'A' } as never));
  const links: Array<LinkModel<unknown>> = linksAtPoint(res.data[0], row);
  mount(
    <div data-testid="series-links">
      {links.map((link) => (
        <DataLinkButton key={link.title} link={link} />
      ))}
    </div>
  );
}

main().catch((err) => showFatal(String(err?.stack ?? err)));
