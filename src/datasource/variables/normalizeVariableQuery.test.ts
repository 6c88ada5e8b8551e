import { normalizeVariableQuery } from './normalizeVariableQuery';

describe('normalizeVariableQuery', () => {
  it.each([
    ['region', { refId: 'EmbersVariableQuery', kind: 'labelValues', labelName: 'region' }],
    ['', { refId: 'EmbersVariableQuery', kind: 'labelValues', labelName: undefined }],
    [null, { refId: 'EmbersVariableQuery', kind: 'labelValues' }],
    [
      { refId: 'V', kind: 'profileTypes' },
      { refId: 'V', kind: 'profileTypes' },
    ],
  ])('%p', (input, expected) => {
    expect(normalizeVariableQuery(input)).toEqual(expected);
  });
});
