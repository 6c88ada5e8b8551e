import { childrenOf, FlameIndex, pathTo } from './flameIndex';

/**
 * frame: a frame row below the focus (or the focus itself); ancestor: a row on the
 * path above the focus; root: the synthetic root over several roots; gap: a run of
 * sibling frames too narrow to draw, at their true place; deeper: children cut by
 * the depth limit; collapsed: ancestors folded on a very deep path; group: a focused
 * gap (the narrow children of parentRow, spread across the width).
 */
export type BoxKind = 'frame' | 'ancestor' | 'root' | 'gap' | 'deeper' | 'collapsed' | 'group';

/** One drawn box, in pixels of the graph (x from the left, depth from the root). */
export interface FlameBox {
  kind: BoxKind;
  /** Frame row; for collapsed, the deepest folded ancestor; −1 for the rest. */
  row: number;
  /** Row whose children a gap/deeper/group box stands for. */
  parentRow: number;
  /** Box id of the box below it (−1 for the top of the graph). */
  parent: number;
  depth: number;
  x: number;
  w: number;
  /** Samples it spans. */
  value: number;
  /** Frame rows (with their descendants) inside a gap/deeper/collapsed/group box. */
  hidden: number;
}

export interface LayoutOptions {
  /** Row to focus, −1 for the whole graph. */
  focus: number;
  /** Focus the gap of the focus row instead: its children too narrow to draw at its width. */
  focusGroup?: boolean;
  widthPx: number;
  /** Frames narrower than this (px) are left out of the drawing as gaps (at least 1 px, the default). */
  minFramePx: number;
  /** Levels below the focus to draw; deeper children become one "deeper" box. */
  maxDepth: number;
  /** Ancestors drawn above the focus; more are folded into one box under the first. */
  maxAncestors: number;
}

export interface FlameLayout {
  boxes: FlameBox[];
  /** Box ids per depth, left to right. */
  byDepth: number[][];
  /** Frame rows drawn (boxes of kind frame/ancestor). */
  drawn: number;
  /** Frame rows 1 px or wider at this focus and width (what a complete drawing shows). */
  visible: number;
  /** Samples across the full width. */
  viewValue: number;
  /** Boxes 0…chainLength−1 are the full-width path; the last of them is the focus. */
  chainLength: number;
  widthPx: number;
}

/** The frame a layout with focus −1 shows: the single root when there is one. */
export function effectiveFocus(index: FlameIndex, focus: number): number {
  const n = index.columns.length;
  const multiRoot = n > 0 && index.end[0] < n;
  return focus >= 0 && focus < n ? focus : multiRoot || n === 0 ? -1 : 0;
}

/**
 * Lays out every frame at least `minFramePx` wide under the focus at its true place
 * (children left to right from their parent's left edge, as d3-flame-graph's
 * partition does), with the path to the focus at full width. Narrower siblings
 * next to each other become one gap box that keeps their place and samples. Only
 * drawn frames are descended into: their children are narrower still.
 */
export function layoutFlame(index: FlameIndex, options: LayoutOptions): FlameLayout {
  const { width, end } = index;
  const focus = effectiveFocus(index, options.focus);
  const minPx = Math.max(1, options.minFramePx || 0);
  const W = Math.max(1, options.widthPx);
  const focusValue = focus >= 0 ? width[focus] : sumRoots(index);

  let group: number[] | undefined;
  if (options.focusGroup && focusValue > 0) {
    group = childrenOf(index, focus).filter((c) => width[c] > 0 && (width[c] / focusValue) * W < minPx);
    group = group.length > 0 ? group : undefined;
  }
  const viewValue = group ? group.reduce((sum, c) => sum + width[c], 0) : focusValue;
  const k = viewValue > 0 ? W / viewValue : 0;
  const boxes: FlameBox[] = [];
  const byDepth: number[][] = [];
  let drawn = 0;
  const add = (box: Omit<FlameBox, 'depth'>, depth: number) => {
    const id = boxes.length;
    (box as FlameBox).depth = depth;
    boxes.push(box as FlameBox);
    (byDepth[depth] ??= []).push(id);
    if (box.kind === 'frame' || box.kind === 'ancestor') {
      drawn++;
    }
    return id;
  };
  const full = (kind: BoxKind, row: number, parent: number, depth: number, hidden = 0, parentRow = -1) =>
    add({ kind, row, parentRow, parent, x: 0, w: W, value: viewValue, hidden }, depth);

  // The path down to the focus, every box as wide as the view.
  let top = -1;
  let depth = 0;
  if (focus < 0) {
    top = full('root', -1, -1, depth++);
  }
  const path = focus >= 0 ? pathTo(index, focus) : [];
  // Root, one box for the folded ones, and the nearest callers: maxAncestors boxes in all.
  const excess = path.length - Math.max(3, options.maxAncestors) + 1;
  const folded = excess >= 2 ? excess : 0;
  let hiddenAncestors = 0;
  path.forEach((row, i) => {
    const isFocus = i === path.length - 1;
    if (i >= 1 && i <= folded) {
      if (i === folded) {
        hiddenAncestors = folded;
        top = full('collapsed', row, top, depth++, folded);
      }
      return;
    }
    top = full(isFocus && !group ? 'frame' : 'ancestor', row, top, depth++);
  });
  if (group) {
    top = full('group', -1, top, depth++, group.length, focus);
  }

  // Depth-first, children in frame order, so each depth's boxes come left to right.
  type Item = { rows?: number[]; parentRow: number; box: number; x: number; depth: number };
  const stack: Item[] = [{ rows: group, parentRow: focus, box: top, x: 0, depth }];
  let beyondDepthLimit = 0;
  const firstDepth = depth;
  const pending: Item[] = [];
  // The run of narrow siblings being gathered; it becomes one gap box where it ends.
  let gapX = 0;
  let gapValue = 0;
  let gapRows = 0;
  const addGap = (parentRow: number, parentBox: number, gapDepth: number) => {
    add({ kind: 'gap', row: -1, parentRow, parent: parentBox, x: gapX, w: gapValue * k, value: gapValue, hidden: gapRows }, gapDepth);
    gapValue = 0;
    gapRows = 0;
  };
  while (stack.length > 0) {
    const item = stack.pop()!;
    pending.length = 0;
    let x = item.x;
    // This loop sees every child of every drawn frame (on a wide profile, nearly every
    // row): plain locals and no call per child; children are walked in place (c = end[c]).
    const { rows, parentRow, depth: itemDepth, box: parentBox } = item;
    const stop = rows ? 0 : parentRow >= 0 ? end[parentRow] : index.columns.length;
    let pos = 0;
    for (let c = rows ? rows[0] : parentRow + 1; rows ? pos < rows.length : c < stop; c = rows ? rows[++pos] : end[c]) {
      const value = width[c];
      const w = value * k;
      if (w < minPx) {
        if (gapValue === 0) {
          gapX = x;
        }
        gapValue += value;
        gapRows += end[c] - c;
        x += w;
        continue;
      }
      if (gapValue > 0) {
        addGap(parentRow, parentBox, itemDepth);
      }
      const box = add({ kind: 'frame', row: c, parentRow, parent: parentBox, x, w, value, hidden: 0 }, itemDepth);
      if (end[c] > c + 1) {
        if (itemDepth + 1 - firstDepth < options.maxDepth) {
          pending.push({ parentRow: c, box, x, depth: itemDepth + 1 });
        } else {
          const kids = childrenOf(index, c);
          const kidsValue = kids.reduce((sum, r) => sum + width[r], 0);
          add({ kind: 'deeper', row: -1, parentRow: c, parent: box, x, w: kidsValue * k, value: kidsValue, hidden: end[c] - c - 1 }, itemDepth + 1);
          beyondDepthLimit += countVisible(index, kids, k);
        }
      }
      x += w;
    }
    if (gapValue > 0) {
      addGap(parentRow, parentBox, itemDepth);
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      stack.push(pending[i]);
    }
  }
  // With the default 1 px, every visible frame is drawn but for those the two limits fold.
  const visible =
    minPx > 1
      ? path.length + countVisible(index, group ?? childrenOf(index, focus), k)
      : drawn + hiddenAncestors + beyondDepthLimit;
  return { boxes, byDepth, drawn, visible, viewValue, widthPx: W, chainLength: firstDepth };
}

/** Frames 1 px or wider among `rows` and their descendants, at `k` px per sample. */
function countVisible(index: FlameIndex, rows: number[], k: number): number {
  const { width, end } = index;
  let count = 0;
  const stack = [...rows];
  while (stack.length > 0) {
    const row = stack.pop()!;
    if (width[row] * k < 1) {
      continue;
    }
    count++;
    for (let c = row + 1; c < end[row]; c = end[c]) {
      stack.push(c);
    }
  }
  return count;
}

function sumRoots(index: FlameIndex): number {
  let sum = 0;
  for (let c = 0; c < index.columns.length; c = index.end[c]) {
    sum += index.width[c];
  }
  return sum;
}

/** The box under a point of the graph (x from the left, depth from the root), if any. */
export function boxAt(layout: FlameLayout, x: number, depth: number): number {
  const ids = layout.byDepth[depth];
  if (!ids) {
    return -1;
  }
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const box = layout.boxes[ids[mid]];
    if (x < box.x) {
      hi = mid - 1;
    } else if (x >= box.x + Math.max(box.w, 1)) {
      lo = mid + 1;
    } else {
      return ids[mid];
    }
  }
  return -1;
}
