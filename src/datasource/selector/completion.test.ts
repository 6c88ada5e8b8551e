import { applySuggestion, getCompletionContext, getSuggestions } from './completion';

const sources = { labelNames: ['region', 'service_name'], labelValues: ['eu-west', 'us.east'], variables: ['env'] };

/** `|` marks the cursor. */
function at(textWithCursor: string) {
  const cursor = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return { text, cursor, ctx: getCompletionContext(text, cursor) };
}

describe('getCompletionContext', () => {
  it.each([
    ['{|}', 'labelName', ''],
    ['{service_name="a", |}', 'labelName', ''],
    ['{service_name="a", reg|}', 'labelName', 'reg'],
    ['{re|gion="x"}', 'labelName', 're'],
    ['{region |}', 'operator', undefined],
    ['{region!|}', 'operator', undefined],
    ['{region=|}', 'labelValue', ''],
    ['{region=~"e|"}', 'labelValue', 'e'],
    ['{region="eu|', 'labelValue', 'eu'],
    ['{region="eu-west"|}', 'none', undefined],
    ['|{}', 'none', undefined],
    ['|', 'none', undefined],
  ])('%s is a %s context', (input, kind, prefix) => {
    const { ctx } = at(input);
    expect(ctx.kind).toBe(kind);
    if (prefix !== undefined) {
      expect('prefix' in ctx ? ctx.prefix : undefined).toBe(prefix);
    }
  });

  it('knows which label a value belongs to', () => {
    const { ctx } = at('{service_name="a", region!~"|"}');
    expect(ctx).toMatchObject({ kind: 'labelValue', labelName: 'region', op: '!~' });
  });
});

describe('suggestions', () => {
  it('offers label names by prefix, then operators once a name is complete', () => {
    expect(getSuggestions(at('{re|}').ctx, sources).map((s) => s.label)).toEqual(['region']);
    expect(getSuggestions(at('{region|}').ctx, sources).map((s) => s.label)).toEqual(['=', '!=', '=~', '!~']);
  });

  it('offers values quoted, regex-escaped under =~, and variables', () => {
    expect(getSuggestions(at('{region=|}').ctx, sources).map((s) => s.insert)).toEqual([
      '"eu-west"',
      '"us.east"',
      '"$env"',
    ]);
    expect(getSuggestions(at('{region=~|}').ctx, sources).map((s) => s.insert)).toEqual([
      '"eu-west"',
      '"us\\\\.east"',
      '"${env:regex}"',
    ]);
  });

  it('walks name → operator → value to a complete matcher', () => {
    let state = at('{service_name="a", reg|}');
    let pick = getSuggestions(state.ctx, sources)[0];
    let next = applySuggestion(state.text, state.ctx, pick);
    expect(next.text).toBe('{service_name="a", region}');

    let ctx = getCompletionContext(next.text, next.cursor);
    pick = getSuggestions(ctx, sources).find((s) => s.label === '=')!;
    next = applySuggestion(next.text, ctx, pick);
    expect(next.text).toBe('{service_name="a", region=}');

    ctx = getCompletionContext(next.text, next.cursor);
    pick = getSuggestions(ctx, sources).find((s) => s.label === 'eu-west')!;
    next = applySuggestion(next.text, ctx, pick);
    expect(next.text).toBe('{service_name="a", region="eu-west"}');
    expect(next.cursor).toBe('{service_name="a", region="eu-west"'.length);

    state = at('{region="e|"}');
    next = applySuggestion(state.text, state.ctx, getSuggestions(state.ctx, sources)[0]);
    expect(next.text).toBe('{region="eu-west"}');
  });

  it.each([
    ['{service_name="a", region="e|}', '{service_name="a", region="eu-west"}'],
    ['{region="e|u}', '{region="eu-west"}'],
    ['{region="e|', '{region="eu-west"'],
  ])('a value picked in an unclosed string %s keeps what follows it', (input, expected) => {
    const state = at(input);
    const pick = getSuggestions(state.ctx, sources).find((s) => s.label === 'eu-west')!;
    expect(applySuggestion(state.text, state.ctx, pick).text).toBe(expected);
  });
});
