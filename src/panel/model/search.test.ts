import { SMALL_PROFILE } from '../__fixtures__/frames';
import { buildFlameIndex } from './flameIndex';
import { makeMatcher, searchStats } from './search';
import { columnsFromRows } from './testColumns';

describe('makeMatcher', () => {
  it('matches plain text case-insensitively and takes "(" literally', () => {
    const { match, error } = makeMatcher('(*querier)', false);
    expect(error).toBeUndefined();
    expect(match!('pkg.(*Querier).Select')).toBe(true);
    expect(match!('pkg.Querier')).toBe(false);
  });

  it('reports an invalid regex instead of throwing', () => {
    const { match, error } = makeMatcher('slow(', true);
    expect(match).toBeUndefined();
    expect(error).toMatch(/^Invalid regular expression/);
  });

  it('matches a valid regex', () => {
    const { match } = makeMatcher('^main\\.(slow|fast)', true);
    expect(match!('main.slowFunction')).toBe(true);
    expect(match!('runtime.main')).toBe(false);
  });

  it('matches nothing for an empty term', () => {
    expect(makeMatcher('', true)).toEqual({});
  });
});

describe('searchStats', () => {
  it('counts matching frames and their samples once, not again for nested matches', () => {
    const index = buildFlameIndex(columnsFromRows(SMALL_PROFILE));
    expect(searchStats(index, (name) => name.startsWith('main.'))).toEqual({ count: 8, value: 90, total: 100 });
    expect(searchStats(index, (name) => name.includes('Function'))).toEqual({ count: 2, value: 75, total: 100 });
  });
});
