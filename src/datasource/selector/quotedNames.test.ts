/**
 * UTF-8 and dotted label names (OpenTelemetry attributes such as `service.name`,
 * `k8s.namespace`) from parsing through completion, building and interpolation.
 */
import { whyNotRunnable } from '../runnable';
import { fakeTemplateSrv } from '../variables/fakeTemplateSrv';
import { applyAdHocFilters, interpolateSelector } from '../variables/interpolate';
import { applySuggestion, getCompletionContext, getSuggestions } from './completion';
import { addMatcher, buildSelector, setServiceName } from './edit';
import { parseSelector, serviceNameOf } from './parse';
import { formatLabelName } from './tokenize';

const names = (selector: string) => parseSelector(selector).matchers.map((m) => [m.name, m.op, m.value]);

describe('parsing quoted and dotted label names', () => {
  it.each([
    ['{"k8s.namespace"="prod"}', [['k8s.namespace', '=', 'prod']]],
    ['{service.name="x"}', [['service.name', '=', 'x']]],
    [
      '{\'service.name\'=~"x.*", region!="eu"}',
      [
        ['service.name', '=~', 'x.*'],
        ['region', '!=', 'eu'],
      ],
    ],
    [
      '{"名前"="値", "a\\"b"="c"}',
      [
        ['名前', '=', '値'],
        ['a"b', '=', 'c'],
      ],
    ],
    ['{"service_name"="checkout"}', [['service_name', '=', 'checkout']]],
  ])('%s', (selector, want) => {
    expect(parseSelector(selector).error).toBeUndefined();
    expect(names(selector)).toEqual(want);
  });

  it.each([
    ['{""="x"}', 'A quoted label name cannot be empty (at character 2)'],
    [
      '{"k8s.namespace="prod"}',
      'Expected an operator (=, !=, =~, !~) after "k8s.namespace=", found "prod" (at character 18)',
    ],
    ['{"k8s.namespace"}', 'Expected an operator (=, !=, =~, !~) after "k8s.namespace", found "}" (at character 17)'],
    ['{region="eu" "k8s.ns"="a"}', 'Expected "," or "}", found ""k8s.ns"" (at character 14)'],
  ])('says why %s is wrong', (selector, message) => {
    expect(parseSelector(selector).error?.message).toBe(message);
  });

  it('finds a quoted service_name as the service', () => {
    expect(serviceNameOf('{"service_name"="checkout", "k8s.ns"="a"}')).toBe('checkout');
  });
});

describe('building selectors with such names', () => {
  it('quotes names only where a bare name would not parse', () => {
    expect(formatLabelName('region')).toBe('region');
    expect(formatLabelName('k8s.namespace')).toBe('"k8s.namespace"');
    expect(formatLabelName('a"b')).toBe('"a\\"b"');
    const built = buildSelector([
      { key: 'service_name', op: '=', value: 'x' },
      { key: 'k8s.namespace', op: '=~', value: 'prod|dev' },
    ]);
    expect(built).toBe('{service_name="x", "k8s.namespace"=~"prod|dev"}');
    expect(names(built)).toEqual([
      ['service_name', '=', 'x'],
      ['k8s.namespace', '=~', 'prod|dev'],
    ]);
  });

  it('adds matchers and sets the service beside quoted names', () => {
    expect(addMatcher('{"k8s.namespace"="prod"}', { key: 'service.version', op: '!=', value: '1' })).toBe(
      '{"k8s.namespace"="prod", "service.version"!="1"}'
    );
    expect(setServiceName('{"k8s.namespace"="prod"}', 'checkout')).toBe(
      '{service_name="checkout", "k8s.namespace"="prod"}'
    );
    expect(setServiceName('{"service_name"="a"}', 'b')).toBe('{"service_name"="b"}');
  });
});

describe('completing such names', () => {
  const sources = { labelNames: ['k8s.namespace', 'region'], labelValues: ['prod'], variables: [] };
  const at = (withCursor: string) => {
    const cursor = withCursor.indexOf('|');
    const text = withCursor.replace('|', '');
    return { text, ctx: getCompletionContext(text, cursor) };
  };

  it('inserts a dotted name quoted, then offers operators and its values', () => {
    const first = at('{|}');
    const pick = getSuggestions(first.ctx, sources).find((s) => s.label === 'k8s.namespace')!;
    const named = applySuggestion(first.text, first.ctx, pick);
    expect(named.text).toBe('{"k8s.namespace"}');

    const afterName = getCompletionContext(named.text, named.cursor);
    expect(getSuggestions(afterName, sources).map((s) => s.label)).toEqual(['=', '!=', '=~', '!~']);
    const withOp = applySuggestion(named.text, afterName, { label: '=', insert: '=' });
    expect(withOp.text).toBe('{"k8s.namespace"=}');

    const valueCtx = getCompletionContext(withOp.text, withOp.cursor);
    expect(valueCtx).toMatchObject({ kind: 'labelValue', labelName: 'k8s.namespace', op: '=' });
    const done = applySuggestion(withOp.text, valueCtx, getSuggestions(valueCtx, sources)[0]);
    expect(done.text).toBe('{"k8s.namespace"="prod"}');
    expect(parseSelector(done.text).error).toBeUndefined();
  });

  it('completes a quoted name being typed and knows the label of its value', () => {
    const typing = at('{"k8s.na|');
    expect(typing.ctx).toMatchObject({ kind: 'labelName', prefix: 'k8s.na' });
    expect(getSuggestions(typing.ctx, sources).map((s) => s.insert)).toEqual(['"k8s.namespace"']);
    expect(at('{"k8s.namespace"=~"p|"}').ctx).toMatchObject({
      kind: 'labelValue',
      labelName: 'k8s.namespace',
      prefix: 'p',
    });
    expect(at('{service.name="|"}').ctx).toMatchObject({ kind: 'labelValue', labelName: 'service.name' });
  });
});

describe('variables and ad-hoc filters with such names', () => {
  const templateSrv = fakeTemplateSrv({ ns: { value: ['prod', 'dev'] }, svc: { value: 'checkout' } });

  it('interpolates values of quoted names', () => {
    expect(interpolateSelector('{"k8s.namespace"="$ns", service.name="$svc"}', templateSrv)).toBe(
      '{"k8s.namespace"=~"(prod|dev)", service.name="checkout"}'
    );
  });

  it('quotes dotted ad-hoc filter keys', () => {
    expect(
      applyAdHocFilters('{service_name="checkout"}', [
        { key: 'k8s.namespace', operator: '=', value: 'prod' },
        { key: 'service.version', operator: '=|', value: '', values: ['1.0', '2.0'] },
      ])
    ).toBe('{service_name="checkout", "k8s.namespace"="prod", "service.version"=~"(1\\\\.0|2\\\\.0)"}');
  });
});

describe('a query that does not run says why', () => {
  const cpu = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
  it.each([
    [{ profileTypeId: '', labelSelector: '{}' }, 'Pick a profile type.'],
    [
      { profileTypeId: cpu, labelSelector: '{"k8s.ns"}' },
      'Label selector: Expected an operator (=, !=, =~, !~) after "k8s.ns", found "}" (at character 10).',
    ],
    [
      { profileTypeId: cpu, labelSelector: '{}', queryType: 'diff' as const, right: { labelSelector: '{a=b}' } },
      'Right-hand selector: Expected a quoted value after "a=", found "b"; put it in quotes (at character 4).',
    ],
    [{ profileTypeId: cpu, labelSelector: '{"k8s.namespace"="prod"}' }, undefined],
  ])('%j', (q, why) => {
    expect(whyNotRunnable({ refId: 'A', queryType: 'both', ...q })).toBe(why);
  });
});
