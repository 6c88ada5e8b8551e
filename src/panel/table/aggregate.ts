import { FlameColumns } from '../../shared/flameColumns';

/** Self and total per function name, summed over every place it appears. */
export interface FunctionStats {
  names: string[];
  self: Float64Array;
  /** Counted once per stack: a recursive call does not add its value again. */
  total: Float64Array;
  /** Diff frames only: the right side, aggregated the same way. */
  selfRight?: Float64Array;
  totalRight?: Float64Array;
  /** The frame's grand total (sum of the level-0 rows), the base for percentages. */
  grandTotal: number;
  grandTotalRight: number;
}

/**
 * One pass over the rows. Names are interned to small ids, and a per-id count of
 * how often the name is on the current root-to-node path tells whether an ancestor
 * already counted this node's value in the function's total.
 */
export function aggregateFunctions(columns: FlameColumns): FunctionStats {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const rowId = new Int32Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const name = columns.label(i);
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    rowId[i] = id;
  }

  const right = columns.valueRight !== undefined && columns.selfRight !== undefined;
  const self = new Float64Array(names.length);
  const total = new Float64Array(names.length);
  const selfRight = right ? new Float64Array(names.length) : undefined;
  const totalRight = right ? new Float64Array(names.length) : undefined;
  const onPath = new Int32Array(names.length);
  const path: number[] = []; // path[level] = name id of the ancestor at that level
  let grandTotal = 0;
  let grandTotalRight = 0;

  for (let i = 0; i < columns.length; i++) {
    const level = Math.max(0, columns.level[i]);
    while (path.length > level) {
      const left = path.pop()!;
      if (left >= 0) {
        onPath[left]--;
      }
    }
    const id = rowId[i];
    self[id] += columns.self[i];
    if (onPath[id] === 0) {
      total[id] += columns.value[i];
    }
    if (right) {
      selfRight![id] += columns.selfRight![i];
      if (onPath[id] === 0) {
        totalRight![id] += columns.valueRight![i];
      }
    }
    if (level === 0) {
      grandTotal += columns.value[i];
      grandTotalRight += right ? columns.valueRight![i] : 0;
    }
    // A level that skips (malformed input) still keeps `path` and `onPath` in step.
    while (path.length < level) {
      path.push(-1);
    }
    path.push(id);
    onPath[id]++;
  }
  return { names, self, total, selfRight, totalRight, grandTotal, grandTotalRight };
}
