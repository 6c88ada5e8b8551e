import { columnsOf, Row, rowsOf } from '../table/testing/columnsOf';
import { buildSandwich } from './sandwich';

// f appears under main (with a recursive f below g) and again under h.
const tree: Row[] = [
  [0, 'total', 100, 0],
  [1, 'main', 100, 0],
  [2, 'f', 60, 10],
  [3, 'g', 50, 20],
  [4, 'f', 30, 30],
  [2, 'h', 40, 5],
  [3, 'f', 35, 35],
];

describe('buildSandwich', () => {
  it('merges every subtree of the function under one root, counting recursion once', () => {
    const { callees } = buildSandwich(columnsOf(tree), 'f');
    expect(rowsOf(callees)).toEqual([
      [0, 'f', 95, 45],
      [1, 'g', 50, 20],
      [2, 'f', 30, 30],
    ]);
    expect(callees.unit).toBe('ns');
  });

  it('inverts the stacks leading to the function, each sample under its innermost occurrence', () => {
    const { callers } = buildSandwich(columnsOf(tree), 'f');
    expect(rowsOf(callers)).toEqual([
      [0, 'f', 95, 0],
      [1, 'main', 30, 30],
      [1, 'g', 30, 0],
      [2, 'f', 30, 0],
      [3, 'main', 30, 30],
      [1, 'h', 35, 0],
      [2, 'main', 35, 35],
    ]);
  });

  it('keeps each node equal to its self plus its children in both trees', () => {
    const { callers, callees } = buildSandwich(columnsOf(tree), 'f');
    for (const columns of [callers, callees]) {
      for (let i = 0; i < columns.length; i++) {
        let children = 0;
        for (let j = i + 1; j < columns.length && columns.level[j] > columns.level[i]; j++) {
          if (columns.level[j] === columns.level[i] + 1) {
            children += columns.value[j];
          }
        }
        expect(columns.self[i] + children).toBe(columns.value[i]);
      }
    }
  });

  it('sums both sides of a diff frame separately', () => {
    const diff: Row[] = [
      [0, 'total', 10, 0, 30, 0],
      [1, 'a', 6, 1, 10, 2],
      [2, 'f', 5, 5, 8, 8],
      [1, 'f', 4, 4, 20, 20],
    ];
    const { callers, callees } = buildSandwich(columnsOf(diff, true), 'f');
    expect(rowsOf(callees, true)).toEqual([[0, 'f', 9, 9, 28, 28]]);
    expect(rowsOf(callers, true)).toEqual([
      [0, 'f', 9, 4, 28, 20],
      [1, 'a', 5, 5, 8, 8],
    ]);
  });

  it('answers an empty tree for a function that is not in the frame', () => {
    const { callers, callees } = buildSandwich(columnsOf(tree), 'nope');
    expect(rowsOf(callers)).toEqual([[0, 'nope', 0, 0]]);
    expect(rowsOf(callees)).toEqual([[0, 'nope', 0, 0]]);
  });

  it('does not throw on a frame whose levels skip', () => {
    const broken: Row[] = [
      [0, 'total', 10, 0],
      [3, 'f', 10, 10],
      [5, 'x', 1, 1],
    ];
    expect(() => buildSandwich(columnsOf(broken), 'f')).not.toThrow();
  });
});
