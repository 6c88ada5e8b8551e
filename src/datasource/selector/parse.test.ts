import { addMatcher, buildSelector, setServiceName } from './edit';
import { parseSelector, serviceNameOf } from './parse';
import { escapeRegex, quoteValue, tokenize } from './tokenize';

describe('parseSelector', () => {
  it.each([
    ['{}', []],
    ['{service_name="checkout"}', [['service_name', '=', 'checkout']]],
    [
      '{ service_name = "a" , region=~"eu-.*", }',
      [
        ['service_name', '=', 'a'],
        ['region', '=~', 'eu-.*'],
      ],
    ],
    [
      '{a!="x", b!~"y|z"}',
      [
        ['a', '!=', 'x'],
        ['b', '!~', 'y|z'],
      ],
    ],
    ['{a="say \\"hi\\" \\\\ there"}', [['a', '=', 'say "hi" \\ there']]],
    ["{a='single'}", [['a', '=', 'single']]],
    ['{a=`raw\\d`}', [['a', '=', 'raw\\d']]],
    [
      '{service_name="$service", region=~"${region:regex}"}',
      [
        ['service_name', '=', '$service'],
        ['region', '=~', '${region:regex}'],
      ],
    ],
  ])('parses %s', (text, expected) => {
    const parsed = parseSelector(text);
    expect(parsed.error).toBeUndefined();
    expect(parsed.matchers.map((m) => [m.name, m.op, m.value])).toEqual(expected);
  });

  it.each([
    ['', 'Enter a label selector, e.g. {service_name="my-service"}', 0],
    ['service_name="a"', 'A selector starts with "{", found "service_name" (at character 1)', 0],
    ['{service_name="a"', 'Missing closing "}" (at character 18)', 17],
    [
      '{service_name "a"}',
      'Expected an operator (=, !=, =~, !~) after "service_name", found ""a"" (at character 15)',
      14,
    ],
    [
      '{service_name=a}',
      'Expected a quoted value after "service_name=", found "a"; put it in quotes (at character 15)',
      14,
    ],
    ['{service_name="a}', 'Missing closing quote (at character 15)', 14],
    ['{a="1" b="2"}', 'Expected "," or "}", found "b" (at character 8)', 7],
    ['{a=~"("}', 'Invalid regular expression for "a": Unterminated group (at character 5)', 4],
    ['{a="1"} x', 'Unexpected "x" after the closing "}" (at character 9)', 8],
    ['{="1"}', 'Expected a label name, found "=" (at character 2)', 1],
    ['{a=="1"}', 'Expected a quoted value after "a=", found "=" (at character 4)', 3],
  ])('rejects %s', (text, message, position) => {
    expect(parseSelector(text).error).toEqual({ message, position });
  });

  it.each(['$left_selector', ' ${selector} ', '[[selector]]'])('accepts a selector that is one variable: %s', (text) => {
    expect(parseSelector(text)).toEqual({ matchers: [] });
  });

  it.each(['$a $b', '$a}', 'x$a'])('rejects %s, which is more than one variable', (text) => {
    expect(parseSelector(text).error).toBeDefined();
  });

  it('does not check a regex that holds a template variable', () => {
    expect(parseSelector('{a=~"${v:regex}("}').error).toBeUndefined();
  });

  it('finds the exact service name only', () => {
    expect(serviceNameOf('{region="eu", service_name="ride"}')).toBe('ride');
    expect(serviceNameOf('{service_name=~"ride.*"}')).toBeUndefined();
  });
});

describe('quoting', () => {
  it('quotes and escapes values so they parse back to themselves', () => {
    for (const value of ['plain', 'a"b', 'back\\slash', 'new\nline', '']) {
      const parsed = parseSelector(`{a=${quoteValue(value)}}`);
      expect(parsed.matchers[0].value).toBe(value);
    }
  });

  it('escapes regex metacharacters so a literal matches itself', () => {
    expect(escapeRegex('a.b(c)|d*')).toBe('a\\.b\\(c\\)\\|d\\*');
    expect(new RegExp(`^${escapeRegex('a.b(c)|d*')}$`).test('a.b(c)|d*')).toBe(true);
  });

  it('keeps positions on tokens', () => {
    expect(tokenize('{a =~ "x"}').map((t) => [t.kind, t.start, t.end])).toEqual([
      ['lbrace', 0, 1],
      ['name', 1, 2],
      ['op', 3, 5],
      ['string', 6, 9],
      ['rbrace', 9, 10],
    ]);
  });
});

describe('selector edits', () => {
  it.each([
    ['', '{region="eu"}'],
    ['{}', '{region="eu"}'],
    ['{service_name="a"}', '{service_name="a", region="eu"}'],
    ['{service_name="a",}', '{service_name="a",region="eu"}'],
  ])('addMatcher(%s)', (selector, expected) => {
    expect(addMatcher(selector, { key: 'region', op: '=', value: 'eu' })).toBe(expected);
  });

  it('addMatcher leaves a selector held in a variable alone', () => {
    expect(addMatcher('${sel}', { key: 'region', op: '=', value: 'eu' })).toBe('${sel}');
  });

  it('addMatcher quotes the value', () => {
    expect(addMatcher('{}', { key: 'k', op: '!=', value: 'x"y' })).toBe('{k!="x\\"y"}');
  });

  it.each([
    ['{}', '{service_name="new"}'],
    ['', '{service_name="new"}'],
    ['{region="eu"}', '{service_name="new", region="eu"}'],
    ['{region="eu", service_name="old"}', '{region="eu", service_name="new"}'],
    ['{broken', '{broken'],
    ['$left_selector', '$left_selector'],
    ['${left_selector}', '${left_selector}'],
  ])('setServiceName(%s)', (selector, expected) => {
    expect(setServiceName(selector, 'new')).toBe(expected);
  });

  it('buildSelector joins matchers', () => {
    expect(
      buildSelector([
        { key: 'a', op: '=', value: '1' },
        { key: 'b', op: '=~', value: '2|3' },
      ])
    ).toBe('{a="1", b=~"2|3"}');
  });
});
