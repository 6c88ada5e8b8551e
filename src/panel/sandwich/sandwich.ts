import { FlameColumns } from '../../shared/flameColumns';
import { MergeTree } from './mergeTree';

export interface Sandwich {
  /** Root = the function; children = its callers, their children = the callers' callers, ... */
  callers: FlameColumns;
  /** Root = the function; below it every subtree it has anywhere, merged. */
  callees: FlameColumns;
}

/**
 * Sandwich view of one function, merged over every place it appears in the frame.
 *
 * Both roots total the function's value counted once per stack: with recursion
 * (f → g → f) only the outermost f counts, as its value already holds the inner one.
 * Callees merge the outermost occurrences' subtrees (inner occurrences stay visible
 * inside them). Callers give each sample to its innermost occurrence, whose caller
 * chain shows the recursion; an occurrence keeps its value minus that of its nearest
 * nested occurrences, so the parts add up exactly. The frame's root (level 0, the
 * "total" node) is not a caller.
 */
export function buildSandwich(columns: FlameColumns, functionName: string): Sandwich {
  const hasRight = columns.valueRight !== undefined && columns.selfRight !== undefined;
  const right = (a: ArrayLike<number> | undefined, i: number) => (a ? a[i] : 0);
  const callees = new MergeTree(functionName);
  const callers = new MergeTree(functionName);

  const parent = new Int32Array(columns.length);
  const ancestors: number[] = []; // ancestors[level] = row index on the current path
  // Rows of the function on the current path (outermost first).
  const openOccurrences: number[] = [];
  // Value of each occurrence not covered by a nested occurrence (left, right).
  const ownLeft = new Float64Array(columns.length);
  const ownRight = new Float64Array(columns.length);
  const occurrences: number[] = [];
  let calleeRootLevel = -1;
  const calleePath: number[] = []; // merge-tree node per relative depth in the open callee subtree

  for (let i = 0; i < columns.length; i++) {
    const level = columns.level[i];
    ancestors.length = level;
    parent[i] = level > 0 ? (ancestors[level - 1] ?? -1) : -1;
    ancestors.push(i);
    while (openOccurrences.length > 0 && columns.level[openOccurrences[openOccurrences.length - 1]] >= level) {
      openOccurrences.pop();
    }
    if (calleeRootLevel >= 0 && level <= calleeRootLevel) {
      calleeRootLevel = -1;
    }

    const isTarget = columns.label(i) === functionName;
    if (isTarget) {
      ownLeft[i] = columns.value[i];
      ownRight[i] = right(columns.valueRight, i);
      const nearest = openOccurrences[openOccurrences.length - 1];
      if (nearest !== undefined) {
        ownLeft[nearest] -= columns.value[i];
        ownRight[nearest] -= right(columns.valueRight, i);
      }
      openOccurrences.push(i);
      occurrences.push(i);
    }

    if (calleeRootLevel < 0 && isTarget) {
      calleeRootLevel = level;
      calleePath.length = 0;
      calleePath.push(0);
      addRow(callees, 0, columns, i);
    } else if (calleeRootLevel >= 0) {
      const depth = level - calleeRootLevel;
      calleePath.length = depth;
      // `?? 0` keeps a malformed frame (a level that skips) from throwing.
      const node = callees.child(calleePath[depth - 1] ?? 0, columns.label(i));
      calleePath.push(node);
      addRow(callees, node, columns, i);
    }
  }

  for (const occurrence of occurrences) {
    const left = ownLeft[occurrence];
    const rightValue = ownRight[occurrence];
    if (left === 0 && rightValue === 0) {
      continue;
    }
    let node = 0;
    addValue(callers, node, left, rightValue);
    for (let p = parent[occurrence]; p >= 0 && columns.level[p] > 0; p = parent[p]) {
      node = callers.child(node, columns.label(p));
      addValue(callers, node, left, rightValue);
    }
    // The chain ends here: nothing above calls it, so this is the inverted tree's self.
    callers.self[node] += left;
    callers.selfRight[node] += rightValue;
  }

  return {
    callers: callers.toColumns(columns.unit, hasRight),
    callees: callees.toColumns(columns.unit, hasRight),
  };
}

function addRow(tree: MergeTree, node: number, columns: FlameColumns, row: number) {
  tree.value[node] += columns.value[row];
  tree.self[node] += columns.self[row];
  tree.valueRight[node] += columns.valueRight ? columns.valueRight[row] : 0;
  tree.selfRight[node] += columns.selfRight ? columns.selfRight[row] : 0;
}

function addValue(tree: MergeTree, node: number, left: number, right: number) {
  tree.value[node] += left;
  tree.valueRight[node] += right;
}
