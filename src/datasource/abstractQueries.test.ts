import { AbstractLabelOperator, AbstractQuery } from '@grafana/data';

import { embersDataSource } from './testing/embersDataSource';

const ds = embersDataSource();

const fromLoki: AbstractQuery = {
  refId: 'A',
  labelMatchers: [
    { name: 'service_name', operator: AbstractLabelOperator.Equal, value: 'checkout' },
    { name: 'region', operator: AbstractLabelOperator.EqualRegEx, value: 'eu-.*' },
    { name: 'pod', operator: AbstractLabelOperator.NotEqual, value: 'canary "1"' },
    { name: 'env', operator: AbstractLabelOperator.NotEqualRegEx, value: 'dev|test' },
    { name: 'service.namespace', operator: AbstractLabelOperator.Equal, value: 'shop' },
  ],
};

describe('abstract queries', () => {
  it('turn label matchers from Prometheus or Loki into a selector', async () => {
    const [q] = await ds.importFromAbstractQueries([fromLoki]);
    expect(q).toEqual({
      refId: 'A',
      queryType: 'both',
      profileTypeId: '',
      labelSelector:
        '{service_name="checkout", region=~"eu-.*", pod!="canary \\"1\\"", env!~"dev|test", "service.namespace"="shop"}',
    });
  });

  it('round-trip every operator, quotes and UTF-8 names unchanged', async () => {
    const imported = await ds.importFromAbstractQueries([fromLoki]);
    expect(await ds.exportToAbstractQueries(imported)).toEqual([fromLoki]);
  });

  it('export a typed selector, and nothing from one that does not parse', async () => {
    const exported = await ds.exportToAbstractQueries([
      {
        refId: 'A',
        queryType: 'profile',
        profileTypeId: 'x',
        labelSelector: '{service_name="checkout", region=~"eu.*"}',
      },
      { refId: 'B', queryType: 'profile', profileTypeId: 'x', labelSelector: '{service_name="checkout"' },
    ]);
    expect(exported).toEqual([
      {
        refId: 'A',
        labelMatchers: [
          { name: 'service_name', operator: AbstractLabelOperator.Equal, value: 'checkout' },
          { name: 'region', operator: AbstractLabelOperator.EqualRegEx, value: 'eu.*' },
        ],
      },
      { refId: 'B', labelMatchers: [] },
    ]);
  });

  it('an empty list of matchers selects everything', async () => {
    expect((await ds.importFromAbstractQueries([{ refId: 'A', labelMatchers: [] }]))[0].labelSelector).toBe('{}');
  });
});
