import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import {
  CoreApp,
  dataFrameToJSON,
  DataQueryRequest,
  DataSourceInstanceSettings,
  dateTime,
  MetricFindValue,
} from '@grafana/data';
import { BackendSrv, setBackendSrv } from '@grafana/runtime';
import { lastValueFrom, Observable, of, throwError } from 'rxjs';

import { PyroscopeDataSource } from './datasource';
import { exploreState, backendSeriesFrame, linksAtPoint } from './testing/seriesLinkModels';
import { EmbersDataSourceOptions, EmbersQuery } from './types';
import { fakeTemplateSrv } from './variables/fakeTemplateSrv';

const fetch = jest.fn();
const templateSrv = fakeTemplateSrv({
  service: { value: 'ride-sharing' },
  regions: { value: ['eu-west', 'us.east'] },
  groups: { value: ['region', 'pod'] },
  type: { value: 'memory:alloc_space:bytes:space:bytes' },
  shift: { value: '1h' },
  label: { value: 'region' },
  left_selector: { value: '{service_name="ride-sharing", code_path="fast"}' },
});

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => templateSrv,
}));

// DataSourceWithBackend calls the runtime's own getBackendSrv, so install the mock there.
beforeAll(() => setBackendSrv({ fetch } as unknown as BackendSrv));

function makeDataSource(jsonData: EmbersDataSourceOptions = {}) {
  return new PyroscopeDataSource({
    id: 1,
    uid: 'embers-uid',
    type: 'embers-pyroscope-datasource',
    name: 'Pyroscope',
    jsonData,
    meta: {},
  } as unknown as DataSourceInstanceSettings<EmbersDataSourceOptions>);
}

const query = (q: Partial<EmbersQuery>): EmbersQuery => ({
  refId: 'A',
  queryType: 'both',
  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  labelSelector: '{service_name="ride-sharing"}',
  ...q,
});

const range = { from: dateTime(1700000000000), to: dateTime(1700003600000), raw: { from: '', to: '' } };

beforeEach(() => fetch.mockReset());

describe('default query', () => {
  it('is both for Explore and dashboards, metrics for alert rules', () => {
    const ds = makeDataSource();
    expect(ds.getDefaultQuery(CoreApp.Explore).queryType).toBe('both');
    expect(ds.getDefaultQuery(CoreApp.Dashboard).queryType).toBe('both');
    expect(ds.getDefaultQuery(CoreApp.UnifiedAlerting).queryType).toBe('metrics');
  });

  it('takes the default max nodes from the settings', () => {
    expect(makeDataSource().defaultMaxNodes).toBe(16384);
    expect(makeDataSource({ maxNodes: 500 }).defaultMaxNodes).toBe(500);
  });
});

describe('filterQuery', () => {
  const ds = makeDataSource();
  it.each([
    ['a complete query', query({}), true],
    ['{} (every service, typed on purpose)', query({ labelSelector: '{}' }), true],
    ['no profile type', query({ profileTypeId: '' }), false],
    ['an empty selector', query({ labelSelector: '  ' }), false],
    ['an invalid selector', query({ labelSelector: '{service_name=ride}' }), false],
    ['a hidden query', query({ hide: true }), false],
    ['a diff with an invalid right side', query({ queryType: 'diff', right: { labelSelector: '{a="' } }), false],
    ['a diff with both sides valid', query({ queryType: 'diff', right: { labelSelector: '{a="b"}' } }), true],
    ['a selector held whole in a variable', query({ labelSelector: '$left_selector' }), true],
    [
      'a diff whose sides are variables',
      query({ queryType: 'diff', labelSelector: '${left}', right: { labelSelector: '$right' } }),
      true,
    ],
  ])('%s', (_name, q, runs) => {
    expect(ds.filterQuery(q)).toBe(runs);
  });

  // A query filtered out here never reaches the backend: its panel stays empty without a word.
  it('runs every query of the bundled dashboards', () => {
    const dir = join(__dirname, '..', 'dashboards');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const dashboard = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      for (const panel of dashboard.panels ?? []) {
        for (const target of panel.targets ?? []) {
          expect({ file, panel: panel.title, runs: ds.filterQuery(target) }).toEqual({
            file,
            panel: panel.title,
            runs: true,
          });
        }
      }
    }
  });
});

describe('applyTemplateVariables', () => {
  const ds = makeDataSource();

  it('interpolates selectors, both diff sides, group by and the profile type', () => {
    const out = ds.applyTemplateVariables(
      query({
        queryType: 'diff',
        profileTypeId: '$type',
        labelSelector: '{service_name="$service", region=~"$regions"}',
        right: { labelSelector: '{service_name="$service"}', timeShift: '7d' },
        groupBy: ['$groups', 'host'],
      }),
      {}
    );
    expect(out.profileTypeId).toBe('memory:alloc_space:bytes:space:bytes');
    expect(out.labelSelector).toBe('{service_name="ride-sharing", region=~"(eu-west|us\\\\.east)"}');
    expect(out.right).toEqual({ labelSelector: '{service_name="ride-sharing"}', timeShift: '7d' });
    expect(out.groupBy).toEqual(['region', 'pod', 'host']);
  });

  it('replaces a selector held whole in a variable with its value', () => {
    const out = ds.applyTemplateVariables(query({ labelSelector: '$left_selector' }), {}, [
      { key: 'region', operator: '=', value: 'eu-west' },
    ]);
    expect(out.labelSelector).toBe('{service_name="ride-sharing", code_path="fast", region="eu-west"}');
  });

  it('hands interpolated queries to Explore, where dashboard variables do not exist', () => {
    const [out] = ds.interpolateVariablesInQueries(
      [query({ profileTypeId: '$type', labelSelector: '{service_name="$service"}', groupBy: ['$groups'] })],
      {}
    );
    expect(out).toMatchObject({
      profileTypeId: 'memory:alloc_space:bytes:space:bytes',
      labelSelector: '{service_name="ride-sharing"}',
      groupBy: ['region', 'pod'],
      datasource: { uid: 'embers-uid', type: 'embers-pyroscope-datasource' },
    });
  });

  it("interpolates the diff's time shift", () => {
    const out = ds.applyTemplateVariables(
      query({ queryType: 'diff', right: { labelSelector: '{service_name="a"}', timeShift: '$shift' } }),
      {}
    );
    expect(out.right?.timeShift).toBe('1h');
  });

  it('appends ad-hoc filters to both selectors', () => {
    const out = ds.applyTemplateVariables(query({ queryType: 'diff', right: { labelSelector: '{}' } }), {}, [
      { key: 'region', operator: '=', value: 'eu-west' },
    ]);
    expect(out.labelSelector).toBe('{service_name="ride-sharing", region="eu-west"}');
    expect(out.right?.labelSelector).toBe('{region="eu-west"}');
  });
});

describe('getQueryDisplayText', () => {
  const ds = makeDataSource();
  it.each([
    [query({}), 'Series + flame graph · process_cpu/cpu · {service_name="ride-sharing"}'],
    [
      query({ queryType: 'metrics', groupBy: ['region'], limit: 5 }),
      'Series · process_cpu/cpu · {service_name="ride-sharing"} · by region · top 5',
    ],
    [
      query({ queryType: 'profile', profileTypeId: '' }),
      'Flame graph · (no profile type) · {service_name="ride-sharing"}',
    ],
    [
      query({ queryType: 'diff', right: { labelSelector: '{service_name="b"}', timeShift: '7d' } }),
      'Diff · process_cpu/cpu · {service_name="ride-sharing"} · vs {service_name="b"}, 7d earlier',
    ],
  ])('%#', (q, text) => {
    expect(ds.getQueryDisplayText(q)).toBe(text);
  });
});

describe('resources', () => {
  const ds = makeDataSource();

  it('asks for label values with the range in ms, the profile type and the interpolated selector', async () => {
    fetch.mockReturnValue(of({ data: ['eu-west', 'us-east'] }));
    const values = await ds.getLabelValues('region', {
      range,
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      selector: '{service_name="$service"}',
    });
    expect(values).toEqual(['eu-west', 'us-east']);
    expect(fetch).toHaveBeenCalledWith(
      expect.objectContaining({
        method: 'GET',
        url: '/api/datasources/uid/embers-uid/resources/labelValues',
        params: {
          from: '1700000000000',
          to: '1700003600000',
          label: 'region',
          profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
          selector: '{service_name="ride-sharing"}',
        },
      })
    );
  });

  it('interpolates a variable used as the label name', async () => {
    fetch.mockReturnValue(of({ data: ['eu-west'] }));
    await ds.getLabelValues('$label', { range });
    expect(fetch).toHaveBeenCalledWith(
      expect.objectContaining({ params: expect.objectContaining({ label: 'region' }) })
    );
  });

  it("turns the backend's error body into a readable message", async () => {
    fetch.mockReturnValue(
      throwError(() => ({ status: 502, data: { error: 'cannot reach Pyroscope at http://p:4040' } }))
    );
    await expect(ds.getProfileTypes(range)).rejects.toThrow(
      'Could not load profile types: cannot reach Pyroscope at http://p:4040'
    );
  });

  it('says so when the answer is not a list', async () => {
    fetch.mockReturnValue(of({ data: '<html>' }));
    await expect(ds.getLabelNames({ range })).rejects.toThrow(
      'Could not load label names: the data source answered something that is not a list'
    );
  });

  it('feeds ad-hoc filter keys and values from labelNames/labelValues, scoped by the other filters', async () => {
    fetch.mockReturnValue(of({ data: ['region', 'service_name'] }));
    const keys = await ds.getTagKeys({ filters: [], timeRange: range });
    expect(keys).toEqual([{ text: 'region' }, { text: 'service_name' }]);

    fetch.mockReturnValue(of({ data: ['eu-west'] }));
    const values = await ds.getTagValues({
      key: 'region',
      filters: [{ key: 'service_name', operator: '=', value: 'ride-sharing' }],
      timeRange: range,
    });
    expect(values).toEqual([{ text: 'eu-west' }]);
    expect(fetch.mock.calls[1][0].params).toMatchObject({ label: 'region', selector: '{service_name="ride-sharing"}' });
  });
});

describe('ad-hoc filter scope', () => {
  const ds = makeDataSource();
  it('scopes tag values by multi-value filters too', async () => {
    fetch.mockReturnValue(of({ data: ['eu-west'] }));
    await ds.getTagValues({
      key: 'region',
      filters: [{ key: 'service_name', operator: '=|', value: '', values: ['a', 'b.c'] }],
      timeRange: range,
    });
    expect(fetch.mock.calls[0][0].params).toMatchObject({ selector: '{service_name=~"(a|b\\\\.c)"}' });
  });
});

describe('variable support', () => {
  const ds = makeDataSource();
  const run = async (target: object): Promise<MetricFindValue[]> => {
    const support = ds.variables as unknown as { query: (r: object) => Observable<unknown> };
    const res = (await lastValueFrom(support.query({ targets: [{ refId: 'V', ...target }], range }))) as {
      data: MetricFindValue[];
    };
    return res.data;
  };

  it('lists profile types by id', async () => {
    fetch.mockReturnValue(
      of({ data: [{ id: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds', name: 'process_cpu', sampleType: 'cpu' }] })
    );
    expect(await run({ kind: 'profileTypes' })).toEqual([
      { text: 'process_cpu/cpu', value: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' },
    ]);
  });

  it("lists only the service's own profile types under a selector", async () => {
    const types = ['process_cpu:cpu:nanoseconds:cpu:nanoseconds', 'block:delay:nanoseconds:contentions:count'];
    fetch.mockImplementation((req: { url: string; params: Record<string, string> }) =>
      req.url.endsWith('/profileTypes')
        ? of({ data: types.map((id) => ({ id, name: id.split(':')[0], sampleType: id.split(':')[1] })) })
        : of({ data: req.params.label === '__profile_type__' ? [types[0]] : [] })
    );
    expect(await run({ kind: 'profileTypes', labelSelector: '{service_name="$service"}' })).toEqual([
      { text: 'process_cpu/cpu', value: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' },
    ]);
    const valuesCall = fetch.mock.calls.find((c) => c[0].url.endsWith('/labelValues'));
    expect(valuesCall?.[0].params).toMatchObject({
      label: '__profile_type__',
      selector: '{service_name="ride-sharing"}',
    });
    fetch.mockReset();
  });

  it('lists values of a label under a selector', async () => {
    fetch.mockReturnValue(of({ data: ['eu-west', 'us-east'] }));
    expect(await run({ kind: 'labelValues', labelName: 'region', labelSelector: '{service_name="$service"}' })).toEqual(
      [{ text: 'eu-west' }, { text: 'us-east' }]
    );
    expect(fetch.mock.calls[0][0].params).toMatchObject({ label: 'region', selector: '{service_name="ride-sharing"}' });
  });

  it('lists label names', async () => {
    fetch.mockReturnValue(of({ data: ['region'] }));
    expect(await run({ kind: 'labelNames' })).toEqual([{ text: 'region' }]);
  });

  it('asks for the label when label values has none', async () => {
    await expect(run({ kind: 'labelValues' })).rejects.toThrow('Choose the label whose values the variable lists');
  });
});

describe('query answers', () => {
  it('give the series links the query range, and a link per step', async () => {
    const ds = makeDataSource();
    const frame = backendSeriesFrame([1700000000000, 1700000015000], 15000, '{service_name="ride-sharing"}');
    fetch.mockReturnValue(of({ data: { results: { A: { status: 200, frames: [dataFrameToJSON(frame)] } } } }));
    const res = await lastValueFrom(
      ds.query({ targets: [query({ queryType: 'metrics' })], range } as unknown as DataQueryRequest<EmbersQuery>)
    );
    const links = linksAtPoint(res.data[0], 1);
    expect(links.map((l) => l.title)).toEqual(['Flame graph of this range', 'Flame graph of this step']);
    expect(exploreState(links[0].href).range).toEqual({ from: '1700000000000', to: '1700003600000' });
    expect(exploreState(links[1].href).range).toEqual({ from: '1700000015000', to: '1700000030000' });
  });
});
