import { FlameColumns } from '../../shared/flameColumns';

/**
 * Structure of a nested-set frame, built in one pass over the rows with a stack by
 * level. Rows are in depth-first pre-order, so node i's subtree is rows
 * [i, end[i]) and its children are i+1, end[i+1], end[end[i+1]], ... before end[i].
 */
export interface FlameIndex {
  columns: FlameColumns;
  /** Row of the parent, −1 for roots. */
  parent: Int32Array;
  /** One past the last row of the subtree. */
  end: Int32Array;
  /** Width of the node: value (+ valueRight for a diff). */
  width: Float64Array;
  /** Depth from the root, as the frame says (clamped to the stack). */
  depth: Int32Array;
  /** Sum of the roots' values per side. */
  leftTotal: number;
  rightTotal: number;
  isDiff: boolean;
  maxDepth: number;
}

export function buildFlameIndex(columns: FlameColumns): FlameIndex {
  const n = columns.length;
  const parent = new Int32Array(n);
  const end = new Int32Array(n);
  const width = new Float64Array(n);
  const depth = new Int32Array(n);
  const { level, value, valueRight } = columns;
  const isDiff = valueRight !== undefined;
  const stack = new Int32Array(n + 1);
  let top = 0; // stack[0..top) = rows on the current path
  let leftTotal = 0;
  let rightTotal = 0;
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    const left = Number(value[i]) || 0;
    const right = isDiff ? Number(valueRight[i]) || 0 : 0;
    width[i] = left + right;
    // A malformed level (jump of more than one) attaches to the deepest open node.
    let lv = Math.max(0, Math.floor(Number(level[i]) || 0));
    if (lv > top) {
      lv = top;
    }
    while (top > lv) {
      top--;
      end[stack[top]] = i;
    }
    parent[i] = top > 0 ? stack[top - 1] : -1;
    depth[i] = top;
    if (top === 0) {
      leftTotal += left;
      rightTotal += right;
    }
    if (top > maxDepth) {
      maxDepth = top;
    }
    stack[top++] = i;
  }
  while (top > 0) {
    top--;
    end[stack[top]] = n;
  }
  return { columns, parent, end, width, depth, leftTotal, rightTotal, isDiff, maxDepth };
}

/** Rows from the first root down to `row`, inclusive. */
export function pathTo(index: FlameIndex, row: number): number[] {
  const path: number[] = [];
  for (let r = row; r >= 0; r = index.parent[r]) {
    path.push(r);
  }
  return path.reverse();
}

/** The children rows of `row` in frame order; the roots for −1. */
export function childrenOf(index: FlameIndex, row: number): number[] {
  const out: number[] = [];
  const stop = row >= 0 ? index.end[row] : index.columns.length;
  for (let c = row + 1; c < stop; c = index.end[c]) {
    out.push(c);
  }
  return out;
}
