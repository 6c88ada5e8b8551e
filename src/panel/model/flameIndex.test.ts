import { DIFF_PROFILE, SMALL_PROFILE } from '../__fixtures__/frames';
import { buildFlameIndex, childrenOf, pathTo } from './flameIndex';
import { columnsFromRows } from './testColumns';

describe('buildFlameIndex', () => {
  it('finds parents, children and subtree ends in one pass', () => {
    const index = buildFlameIndex(columnsFromRows(SMALL_PROFILE));
    expect(childrenOf(index, 0)).toEqual([1, 9]);
    expect(childrenOf(index, 1)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(index.parent[9]).toBe(0);
    expect(index.end[1]).toBe(9);
    expect(pathTo(index, 3)).toEqual([0, 1, 3]);
    expect(index.leftTotal).toBe(100);
    expect(index.maxDepth).toBe(2);
  });

  it('adds both sides of a diff for the width and keeps their totals apart', () => {
    const index = buildFlameIndex(columnsFromRows(DIFF_PROFILE));
    expect(index.isDiff).toBe(true);
    expect(index.width[1]).toBe(100);
    expect(index.leftTotal).toBe(100);
    expect(index.rightTotal).toBe(200);
  });

  it('attaches a row whose level jumps by more than one to the deepest open frame', () => {
    const index = buildFlameIndex(columnsFromRows([[0, 'total', 3, 0], [3, 'orphan', 3, 3]]));
    expect(index.parent[1]).toBe(0);
    expect(index.depth[1]).toBe(1);
  });
});
