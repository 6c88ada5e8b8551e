import { FlameIndex, pathTo } from './flameIndex';

/** What d3-flame-graph is given: small, fresh objects each time (it mutates them). */
export interface DrawNode {
  name: string;
  /** Width in samples (value + valueRight for a diff). */
  value: number;
  /** Frame row, or −1 for the synthetic root and the "…" nodes. */
  row: number;
  /**
   * node: a frame row; ancestor: the path above the focus; folded: narrow siblings;
   * deeper: children cut by depth or budget; group: a focused "…" (the narrow children of parentRow).
   */
  kind: 'node' | 'ancestor' | 'folded' | 'deeper' | 'group';
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
  /** Focus the "…" of the focus row instead: its children too narrow to draw at its width. */
  focusGroup?: boolean;
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
  const scale = options.widthPx > 0 ? Math.max(0, options.minFramePx) / options.widthPx : 0;
  const focusWidth = focus >= 0 ? width[focus] : sumRoots(index);

  // A focused "…": the focus's children too narrow to draw beside their siblings.
  let group: number[] | undefined;
  if (options.focusGroup) {
    group = childRows(index, focus).filter((c) => width[c] > 0 && width[c] < focusWidth * scale);
    group = group.length > 0 ? group : undefined;
  }
  const viewWidth = group ? group.reduce((sum, c) => sum + width[c], 0) : focusWidth;
  const minValue = viewWidth * scale;

  const make = (row: number, kind: DrawNode['kind'], value: number): DrawNode => {
    const name = row >= 0 ? columns.label(row) : ROOT_NAME;
    return { name, value, row, kind, parentRow: -1, hidden: 0, highlight: row >= 0 && isMatch(name), fade: false };
  };

  // The path from the top down to the focus, every frame as wide as what is in view.
  const path = focus >= 0 ? pathTo(index, focus) : [];
  const chain: DrawNode[] = [];
  if (multiRoot || focus < 0) {
    chain.push(make(-1, 'node', viewWidth));
  }
  for (const row of path) {
    chain.push(make(row, 'node', viewWidth));
  }
  if (group) {
    const node = folded(focus, 'group', viewWidth, group.length);
    chain.push(node);
  }
  for (let k = 0; k < chain.length - 1; k++) {
    chain[k].kind = 'ancestor';
    chain[k].fade = true;
    chain[k].children = [chain[k + 1]];
  }
  const top = chain[0];
  const focusNode = chain[chain.length - 1];
  let drawn = chain.length - (multiRoot || focus < 0 ? 1 : 0);

  // Level-order walk, so a frame budget fills the levels nearest the focus first.
  const queue: Array<{ rows: number[]; row: number; node: DrawNode; depth: number }> = [
    { rows: group ?? childRows(index, focus), row: focus, node: focusNode, depth: 0 },
  ];
  for (let q = 0; q < queue.length; q++) {
    const { rows, row, node, depth } = queue[q];
    if (rows.length === 0) {
      continue;
    }
    if (depth >= options.maxDepth || drawn >= options.maxFrames) {
      let sum = 0;
      let hidden = 0;
      for (const c of rows) {
        sum += width[c];
        hidden += end[c] - c;
      }
      if (sum > 0) {
        node.children = [folded(row, 'deeper', sum, hidden)];
        drawn++;
      }
      continue;
    }
    const children: DrawNode[] = [];
    let foldedValue = 0;
    let foldedRows = 0;
    for (const c of rows) {
      const w = width[c];
      if (w >= minValue && w > 0) {
        const child = make(c, 'node', w);
        children.push(child);
        queue.push({ rows: childRows(index, c), row: c, node: child, depth: depth + 1 });
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

/** Children of `row` in frame order; the roots for −1. */
function childRows(index: FlameIndex, row: number): number[] {
  const out: number[] = [];
  const stop = row >= 0 ? index.end[row] : index.columns.length;
  for (let c = row + 1; c < stop; c = index.end[c]) {
    out.push(c);
  }
  return out;
}

function folded(parentRow: number, kind: 'folded' | 'deeper' | 'group', value: number, hidden: number): DrawNode {
  return { name: FOLDED_NAME, value, row: -1, kind, parentRow, hidden, highlight: false, fade: false };
}

function sumRoots(index: FlameIndex): number {
  let sum = 0;
  for (let c = 0; c < index.columns.length; c = index.end[c]) {
    sum += index.width[c];
  }
  return sum;
}
