import { FlameIndex, pathTo } from './flameIndex';

/** What d3-flame-graph is given: small, fresh objects each time (it mutates them). */
export interface DrawNode {
  name: string;
  /** Width in samples (value + valueRight for a diff). */
  value: number;
  /** Frame row, or −1 for the synthetic root and the "…" nodes. */
  row: number;
  /** node: a frame row; ancestor: the path above the focus; folded: narrow siblings; deeper: children cut by depth or budget. */
  kind: 'node' | 'ancestor' | 'folded' | 'deeper';
  /** Row whose children a folded/deeper node stands for. */
  parentRow: number;
  /** Rows hidden inside a folded/deeper node (with their descendants). */
  hidden: number;
  highlight: boolean;
  /** d3-flame-graph draws faded frames with the "fade" class (the focus path). */
  fade: boolean;
  children?: DrawNode[];
}

export interface PruneOptions {
  /** Row to focus, −1 for the whole graph. */
  focus: number;
  /** Drawing width in pixels. */
  widthPx: number;
  /** Frames narrower than this (px) fold into one "…" node per parent. */
  minFramePx: number;
  /** Levels below the focus to draw; deeper children fold into "…". */
  maxDepth: number;
  /** Most frames to hand to d3-flame-graph; levels nearer the focus fill it first. */
  maxFrames: number;
  /** True for names that match the search. */
  isMatch?: (name: string) => boolean;
}

export interface PruneResult {
  root: DrawNode;
  /** Frames handed to d3-flame-graph: rows on the path and below the focus, plus "…" frames. */
  drawn: number;
  /** Frame rows under (and on the path to) the focus. */
  total: number;
}

export const FOLDED_NAME = '…';
export const ROOT_NAME = 'total';

/**
 * Builds the small tree d3-flame-graph draws: the path to the focus at full width,
 * then the focus's subtree level by level, folding frames narrower than
 * `minFramePx` into one "…" node per parent that carries their summed value (never
 * into the parent's self, so self values stay true and widths still add up).
 */
export function pruneTree(index: FlameIndex, options: PruneOptions): PruneResult {
  const { columns, width, end } = index;
  const n = columns.length;
  const isMatch = options.isMatch ?? (() => false);
  const multiRoot = n > 0 && end[0] < n;
  // With one root, "no focus" is the root itself; with several, a synthetic root spans them.
  const focus = options.focus >= 0 && options.focus < n ? options.focus : multiRoot || n === 0 ? -1 : 0;
  const focusWidth = focus >= 0 ? width[focus] : sumRoots(index);
  const minValue = options.widthPx > 0 ? (focusWidth * Math.max(0, options.minFramePx)) / options.widthPx : 0;

  const make = (row: number, kind: DrawNode['kind'], value: number): DrawNode => {
    const name = row >= 0 ? columns.label(row) : ROOT_NAME;
    return { name, value, row, kind, parentRow: -1, hidden: 0, highlight: row >= 0 && isMatch(name), fade: false };
  };

  // The path from the top down to the focus, every frame as wide as the focus.
  const path = focus >= 0 ? pathTo(index, focus) : [];
  let top: DrawNode;
  let attach: DrawNode | undefined;
  if (multiRoot || focus < 0) {
    top = make(-1, focus < 0 ? 'node' : 'ancestor', focusWidth);
    top.fade = focus >= 0;
    attach = top;
  } else {
    top = make(path[0], path.length > 1 ? 'ancestor' : 'node', focusWidth);
  }
  let focusNode = top;
  if (focus >= 0) {
    const start = attach ? 0 : 1;
    let current = attach ?? top;
    current.fade = path.length > 1 || !!attach;
    for (let k = start; k < path.length; k++) {
      const node = make(path[k], k === path.length - 1 ? 'node' : 'ancestor', focusWidth);
      node.fade = k < path.length - 1;
      current.children = [node];
      current = node;
    }
    focusNode = current;
  }
  let drawn = path.length;

  // Level-order walk, so a frame budget fills the levels nearest the focus first.
  const queue: Array<{ row: number; node: DrawNode; depth: number }> = [{ row: focus, node: focusNode, depth: 0 }];
  for (let q = 0; q < queue.length; q++) {
    const { row, node, depth } = queue[q];
    const first = row >= 0 ? row + 1 : 0;
    const stop = row >= 0 ? end[row] : n;
    if (first >= stop) {
      continue;
    }
    if (depth >= options.maxDepth || drawn >= options.maxFrames) {
      let sum = 0;
      for (let c = first; c < stop; c = end[c]) {
        sum += width[c];
      }
      if (sum > 0) {
        node.children = [folded(row, 'deeper', sum, stop - first)];
        drawn++;
      }
      continue;
    }
    const children: DrawNode[] = [];
    let foldedValue = 0;
    let foldedRows = 0;
    for (let c = first; c < stop; c = end[c]) {
      const w = width[c];
      if (w >= minValue && w > 0) {
        const child = make(c, 'node', w);
        children.push(child);
        queue.push({ row: c, node: child, depth: depth + 1 });
      } else {
        foldedValue += w;
        foldedRows += end[c] - c;
      }
    }
    if (foldedValue > 0) {
      children.push(folded(row, 'folded', foldedValue, foldedRows));
    }
    drawn += children.length;
    if (children.length > 0) {
      node.children = children;
    }
  }
  const total = (focus >= 0 ? end[focus] - focus : n) + Math.max(0, path.length - 1);
  return { root: top, drawn, total };
}

function folded(parentRow: number, kind: 'folded' | 'deeper', value: number, hidden: number): DrawNode {
  return { name: FOLDED_NAME, value, row: -1, kind, parentRow, hidden, highlight: false, fade: false };
}

function sumRoots(index: FlameIndex): number {
  let sum = 0;
  for (let c = 0; c < index.columns.length; c = index.end[c]) {
    sum += index.width[c];
  }
  return sum;
}
