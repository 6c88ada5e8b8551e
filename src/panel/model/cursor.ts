import { FlameLayout } from './layout';

export type CursorMove = 'left' | 'right' | 'parent' | 'child';

/**
 * Keyboard navigation over the drawn boxes: left/right go to the neighbour at the
 * same depth, parent to the box below, child to the widest box it holds.
 */
export function moveCursor(layout: FlameLayout, id: number, move: CursorMove): number {
  const box = layout.boxes[id];
  if (!box) {
    return id;
  }
  const visible = (b: number) => layout.boxes[b].w >= 1;
  switch (move) {
    case 'parent':
      return box.parent >= 0 ? box.parent : id;
    case 'child': {
      let best = -1;
      for (const c of layout.byDepth[box.depth + 1] ?? []) {
        const child = layout.boxes[c];
        if (child.parent === id && visible(c) && (best < 0 || child.w > layout.boxes[best].w)) {
          best = c;
        }
      }
      return best >= 0 ? best : id;
    }
    default: {
      const row = layout.byDepth[box.depth];
      const step = move === 'left' ? -1 : 1;
      for (let i = row.indexOf(id) + step; i >= 0 && i < row.length; i += step) {
        if (visible(row[i])) {
          return row[i];
        }
      }
      return id;
    }
  }
}

/** Arrow keys as moves; up and down follow the picture (the root is at the bottom in flame mode). */
export function keyToMove(key: string, inverted: boolean): CursorMove | undefined {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return inverted ? 'parent' : 'child';
    case 'ArrowDown':
      return inverted ? 'child' : 'parent';
    default:
      return undefined;
  }
}
