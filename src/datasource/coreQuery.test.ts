/**
 * Dashboards written for the core Pyroscope datasource run on Embers as saved
 * (testdata/dashboards/core-pyroscope.json; scripts/migrate-core-dashboard.mjs moves
 * their data source references, and pkg/models parses the same targets).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { normalizeQuery } from './coreQuery';
import { isRunnable } from './runnable';
import { embersDataSource } from './testing/embersDataSource';
import { EmbersQuery } from './types';
import { fakeTemplateSrv } from './variables/fakeTemplateSrv';
import { normalizeVariableQuery } from './variables/normalizeVariableQuery';

const templateSrv = fakeTemplateSrv({ service: { value: 'checkout' } });
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => templateSrv,
}));

const dashboard = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'testdata', 'dashboards', 'core-pyroscope.json'), 'utf8')
);
type Panel = { title: string; targets?: EmbersQuery[]; panels?: Panel[] };
const panels: Panel[] = dashboard.panels.flatMap((p: Panel) => [p, ...(p.panels ?? [])]);
const coreTargets = panels
  .flatMap((p) => p.targets ?? [])
  .filter((t) => (t.datasource as { type?: string }).type === 'grafana-pyroscope-datasource');

describe('core datasource queries', () => {
  it('the fixture holds every core query type', () => {
    expect(coreTargets.map((t) => t.queryType).sort()).toEqual(['both', 'metrics', 'profile']);
  });

  it.each(coreTargets.map((t) => [t.queryType, t] as const))('a saved %s query runs as it is', (_, target) => {
    expect(isRunnable(normalizeQuery(target))).toBe(true);
  });

  it('an empty span selector is not sent, so the flame graph is not narrowed to no span', () => {
    const metrics = coreTargets.find((t) => t.queryType === 'metrics')!;
    expect(metrics.spanSelector).toEqual([]);
    expect(normalizeQuery(metrics)).not.toHaveProperty('spanSelector');
    expect(normalizeQuery({ ...metrics, spanSelector: ['19e129611805ff6c'] }).spanSelector).toEqual([
      '19e129611805ff6c',
    ]);
  });

  it('the data source sends the core query with its variables applied', () => {
    const ds = embersDataSource();
    const metrics = coreTargets.find((t) => t.queryType === 'metrics')!;
    const sent = ds.applyTemplateVariables(metrics, {});
    expect(sent).toMatchObject({ labelSelector: '{service_name="checkout"}', groupBy: ['region'], limit: 5 });
    expect(sent).not.toHaveProperty('spanSelector');
  });

  it('core variable queries read as the same Embers variables', () => {
    const queries = dashboard.templating.list
      .filter((v: { type: string }) => v.type === 'query')
      .map((v: { query: unknown }) => v.query);
    expect(queries.map(normalizeVariableQuery)).toEqual([
      { refId: 'PyroscopeVariableQueryEditor-VariableQuery', kind: 'profileTypes' },
      {
        refId: 'PyroscopeVariableQueryEditor-VariableQuery',
        kind: 'labelValues',
        labelName: 'service_name',
        profileTypeId: '$profile_type',
      },
      { refId: 'PyroscopeVariableQueryEditor-VariableQuery', kind: 'labelNames', profileTypeId: '$profile_type' },
    ]);
  });
});
