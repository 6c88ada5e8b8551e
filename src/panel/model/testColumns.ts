import { FlameColumns } from '../../shared/flameColumns';
import { Row } from '../__fixtures__/frames';

/** Columns straight from rows, for model tests that need no DataFrame. */
export function columnsFromRows(rows: Row[], unit = 'ns'): FlameColumns {
  const isDiff = rows.length > 0 && rows[0].length === 6;
  return {
    length: rows.length,
    level: rows.map((r) => r[0]),
    value: rows.map((r) => r[2]),
    self: rows.map((r) => r[3]),
    valueRight: isDiff ? rows.map((r) => r[4] ?? 0) : undefined,
    selfRight: isDiff ? rows.map((r) => r[5] ?? 0) : undefined,
    label: (i) => rows[i][1],
    unit,
  };
}

/**
 * A big synthetic profile as typed arrays: `count` nodes with heavy-tailed self
 * values (a few hot frames, many cold ones), values summed up the stack.
 */
export function syntheticColumns(count: number, seed = 11): FlameColumns {
  const level = new Int32Array(count);
  const value = new Float64Array(count);
  const self = new Float64Array(count);
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const stack: number[] = [0];
  for (let i = 1; i < count; i++) {
    // Mostly one level deeper, sometimes back up: long stacks with shared prefixes.
    const depth = random() < 0.75 && stack.length < 60 ? stack.length : 1 + Math.floor(stack.length * Math.sqrt(Math.sqrt(random())));
    stack.length = depth;
    const s = 1 + Math.floor(1000 * random() ** 6);
    level[i] = depth;
    self[i] = s;
    value[i] = s;
    for (let k = 0; k < stack.length; k++) {
      value[stack[k]] += s;
    }
    stack.push(i);
  }
  return { length: count, level, value, self, label: (i) => (i === 0 ? 'total' : `pkg${i % 40}.fn${i % 1009}`), unit: 'short' };
}
