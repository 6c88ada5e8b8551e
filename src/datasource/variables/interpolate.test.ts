import { fakeTemplateSrv } from './fakeTemplateSrv';
import { parseSelector } from '../selector';
import { applyAdHocFilters, interpolateSelector } from './interpolate';

const templateSrv = fakeTemplateSrv({
  service: { value: 'ride-sharing' },
  regions: { value: ['eu-west', 'us.east'] },
  one: { value: ['only'] },
  all: { value: '$__all', options: ['a', 'b'] },
  allCustom: { value: '$__all', allValue: '.*' },
  odd: { value: 'a"b\\c' },
});

describe('interpolateSelector', () => {
  it.each([
    ['single value in =', '{service_name="$service"}', '{service_name="ride-sharing"}'],
    ['braced single value', '{service_name="${service}"}', '{service_name="ride-sharing"}'],
    ['multi-value in =~ is an escaped alternation', '{region=~"$regions"}', '{region=~"(eu-west|us\\\\.east)"}'],
    ['multi-value in = becomes =~', '{region="$regions"}', '{region=~"(eu-west|us\\\\.east)"}'],
    ['multi-value in != becomes !~', '{region != "$regions"}', '{region !~"(eu-west|us\\\\.east)"}'],
    ['one selected value of a multi variable stays =', '{region="$one"}', '{region="only"}'],
    ['All without a custom value lists every option', '{x=~"$all"}', '{x=~"(a|b)"}'],
    ['All with a custom value is used as it is', '{x=~"$allCustom"}', '{x=~".*"}'],
    ['All with a custom value in = becomes =~', '{x="$allCustom"}', '{x=~".*"}'],
    ['All with a custom value in != becomes !~', '{x!="$allCustom"}', '{x!~".*"}'],
    ['an explicit format keeps the operator', '{x="${service:text}"}', '{x="ride-sharing"}'],
    ['regex-escaped single value inside =~', '{x=~"$service.*"}', '{x=~"ride-sharing.*"}'],
    ['${var:regex} keeps its own format', '{region="${regions:regex}"}', '{region="(eu-west|us\\\\.east)"}'],
    ['quotes and backslashes stay one string', '{k="$odd"}', '{k="a\\"b\\\\c"}'],
    [
      'several matchers',
      '{service_name="$service", region=~"$regions"}',
      '{service_name="ride-sharing", region=~"(eu-west|us\\\\.east)"}',
    ],
    ['no variables is unchanged', '{a="$"}', '{a="$"}'],
  ])('%s', (_name, selector, expected) => {
    expect(interpolateSelector(selector, templateSrv)).toBe(expected);
  });

  it('fills in a variable that stands for matchers, as the Compare dashboard uses it', () => {
    const srv = fakeTemplateSrv({ service: { value: 'embers-demo' }, left_matchers: { value: 'code_path="fast"' } });
    const out = interpolateSelector('{service_name="$service", $left_matchers}', srv);
    expect(out).toBe('{service_name="embers-demo", code_path="fast"}');
    expect(parseSelector(out).matchers.map((m) => m.name)).toEqual(['service_name', 'code_path']);
  });

  it('leaves an invalid selector to the backend with a plain replace', () => {
    expect(interpolateSelector('{service_name=$service', templateSrv)).toBe('{service_name=ride-sharing');
  });
});

describe('applyAdHocFilters', () => {
  it('appends each filter as a quoted matcher', () => {
    expect(
      applyAdHocFilters('{service_name="a"}', [
        { key: 'region', operator: '=', value: 'eu-west' },
        { key: 'pod', operator: '!~', value: 'canary-.*' },
        { key: 'host', operator: '=|', value: '', values: ['h.1', 'h2'] },
        { key: 'cpu', operator: '>', value: '3' },
      ])
    ).toBe('{service_name="a", region="eu-west", pod!~"canary-.*", host=~"(h\\\\.1|h2)"}');
  });

  it('turns an empty selector into the filters alone', () => {
    expect(applyAdHocFilters('{}', [{ key: 'region', operator: '=', value: 'eu' }])).toBe('{region="eu"}');
  });
});
