import { aggregateFunctions } from './aggregate';
import { sortFunctions } from './sortFunctions';
import { columnsOf, Row } from './testing/columnsOf';

// f is recursive under main (f → g → f) and appears again under h.
const tree: Row[] = [
  [0, 'total', 100, 0],
  [1, 'main', 100, 0],
  [2, 'f', 60, 10],
  [3, 'g', 50, 20],
  [4, 'f', 30, 30],
  [2, 'h', 40, 5],
  [3, 'f', 35, 35],
];

function byName(stats: ReturnType<typeof aggregateFunctions>) {
  const out: Record<string, [number, number]> = {};
  stats.names.forEach((name, id) => (out[name] = [stats.self[id], stats.total[id]]));
  return out;
}

describe('aggregateFunctions', () => {
  it('sums self everywhere and total once per stack', () => {
    const stats = aggregateFunctions(columnsOf(tree));
    expect(byName(stats)).toEqual({
      total: [0, 100],
      main: [0, 100],
      f: [75, 95], // not 125: the inner f is already inside the outer one
      g: [20, 50],
      h: [5, 40],
    });
    expect(stats.grandTotal).toBe(100);
  });

  it('aggregates the right side of a diff frame on its own', () => {
    const stats = aggregateFunctions(
      columnsOf(
        [
          [0, 'total', 10, 0, 30, 0],
          [1, 'f', 10, 4, 30, 10],
          [2, 'f', 6, 6, 20, 20],
        ],
        true
      )
    );
    const f = stats.names.indexOf('f');
    expect([stats.self[f], stats.total[f], stats.selfRight![f], stats.totalRight![f]]).toEqual([10, 10, 30, 30]);
    expect(stats.grandTotalRight).toBe(30);
  });

  it('keeps counting right after a malformed level jump', () => {
    const stats = aggregateFunctions(
      columnsOf([
        [0, 'total', 10, 0],
        [3, 'f', 10, 10],
        [1, 'f', 5, 5],
      ])
    );
    expect(stats.total[stats.names.indexOf('f')]).toBe(15);
  });
});

describe('sortFunctions', () => {
  const stats = aggregateFunctions(columnsOf(tree));
  const names = (order: Int32Array) => Array.from(order, (id) => stats.names[id]);

  it('orders by self, largest first, ties by name', () => {
    expect(names(sortFunctions(stats, 'self', 'desc'))).toEqual(['f', 'g', 'h', 'main', 'total']);
  });

  it('orders by total both ways', () => {
    expect(names(sortFunctions(stats, 'total', 'desc'))).toEqual(['main', 'total', 'f', 'g', 'h']);
    expect(names(sortFunctions(stats, 'total', 'asc'))).toEqual(['h', 'g', 'f', 'main', 'total']);
  });

  it('orders by name', () => {
    expect(names(sortFunctions(stats, 'name', 'asc'))).toEqual(['f', 'g', 'h', 'main', 'total']);
  });
});
