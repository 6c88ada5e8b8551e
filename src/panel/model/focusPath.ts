import { FlameIndex } from './flameIndex';

/**
 * The focus is kept in the URL as the names from the root down to the focused
 * frame, so a shared link focuses the same stack after the data refreshes.
 */
const SEPARATOR = ';';
/** Last path element of a focused "…" (the narrow children of the frame before it). */
const GROUP = '…';

export interface Focus {
  row: number;
  group: boolean;
}

export function focusToText(index: FlameIndex, focus: Focus): string {
  const path = focus.row >= 0 ? focusToPath(index, focus.row) : '';
  return focus.group ? (path ? `${path}${SEPARATOR}${GROUP}` : GROUP) : path;
}

/** Reads a focus from the URL; one this profile does not have is no focus. */
export function textToFocus(index: FlameIndex, text: string | undefined): Focus {
  if (!text) {
    return { row: -1, group: false };
  }
  if (text === GROUP) {
    return { row: -1, group: true };
  }
  const suffix = `${SEPARATOR}${GROUP}`;
  if (text.endsWith(suffix)) {
    const row = pathToFocus(index, text.slice(0, -suffix.length));
    return { row, group: row >= 0 };
  }
  return { row: pathToFocus(index, text), group: false };
}

export function focusToPath(index: FlameIndex, row: number): string {
  const names: string[] = [];
  for (let r = row; r >= 0; r = index.parent[r]) {
    names.push(index.columns.label(r));
  }
  return names.reverse().join(SEPARATOR);
}

/** The row a path names, or −1 when the frame has no such stack. */
export function pathToFocus(index: FlameIndex, path: string | undefined): number {
  if (!path) {
    return -1;
  }
  const names = path.split(SEPARATOR);
  const { columns, end } = index;
  let first = 0;
  let stop = columns.length;
  let found = -1;
  for (const name of names) {
    found = -1;
    for (let c = first; c < stop; c = end[c]) {
      if (columns.label(c) === name) {
        found = c;
        break;
      }
    }
    if (found < 0) {
      return -1;
    }
    first = found + 1;
    stop = end[found];
  }
  return found;
}
