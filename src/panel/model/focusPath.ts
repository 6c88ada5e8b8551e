import { FlameIndex } from './flameIndex';

/**
 * The focus in the URL: `<depth>-<hash>[-g]:<function name>`, where the hash is of
 * every name on the stack from the root down (each with its length, so no name can
 * run into the next, whatever characters it holds). A shared link focuses the same
 * stack after the data refreshes, any name (`;`, `…`, `&amp;`) can be focused, and
 * the link stays short however deep the stack. `-g` marks the focused gap of the
 * frame (its narrow children side by side); `-g:` alone is that of the whole graph.
 */
const FORMAT = /^(?:(\d+)-([0-9a-z]+))?(-g)?:([\s\S]*)$/;
/** The first format: names joined by ";" (kept readable, for links made before). */
const LEGACY_SEPARATOR = ';';
const LEGACY_GROUP = '…';

export interface Focus {
  row: number;
  group: boolean;
}

/**
 * Rows of the texts made for each profile: reading back a focus just written (a
 * click, Back and Forward) is a look-up, not a search through every row.
 */
const rowsByText = new WeakMap<FlameIndex, Map<string, number>>();

export function focusToText(index: FlameIndex, focus: Focus): string {
  const group = focus.group ? '-g' : '';
  if (focus.row < 0) {
    return focus.group ? '-g:' : '';
  }
  const text = `${index.depth[focus.row]}-${stackHash(index, focus.row)}${group}:${index.columns.label(focus.row)}`;
  let rows = rowsByText.get(index);
  if (!rows) {
    rows = new Map();
    rowsByText.set(index, rows);
  }
  rows.set(text, focus.row);
  return text;
}

/** Reads a focus from the URL; one this profile does not have is no focus. */
export function textToFocus(index: FlameIndex, text: string | undefined): Focus {
  if (!text) {
    return { row: -1, group: false };
  }
  const parsed = FORMAT.exec(text);
  if (!parsed) {
    return legacyFocus(index, text);
  }
  const [, depth, hash, group, name] = parsed;
  if (depth === undefined) {
    return { row: -1, group: group !== undefined };
  }
  const known = rowsByText.get(index)?.get(text);
  const row = known ?? findStack(index, Number(depth), hash, name);
  return { row, group: row >= 0 && group !== undefined };
}

/** The row at `depth` named `name` whose stack hashes to `hash`, or −1. */
function findStack(index: FlameIndex, depth: number, hash: string, name: string): number {
  const { columns } = index;
  for (let row = 0; row < columns.length; row++) {
    if (index.depth[row] === depth && columns.label(row) === name && stackHash(index, row) === hash) {
      return row;
    }
  }
  return -1;
}

/** Two 32-bit FNV-1a hashes of the names from the root to `row`, each name with its length. */
export function stackHash(index: FlameIndex, row: number): string {
  const names: string[] = [];
  for (let r = row; r >= 0; r = index.parent[r]) {
    names.push(index.columns.label(r));
  }
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  const mix = (code: number) => {
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193 + 2);
  };
  for (let i = names.length - 1; i >= 0; i--) {
    const name = names[i];
    for (const c of `${name.length}:`) {
      mix(c.charCodeAt(0));
    }
    for (let k = 0; k < name.length; k++) {
      mix(name.charCodeAt(k));
    }
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36).padStart(7, '0');
}

function legacyFocus(index: FlameIndex, text: string): Focus {
  if (text === LEGACY_GROUP) {
    return { row: -1, group: true };
  }
  const suffix = `${LEGACY_SEPARATOR}${LEGACY_GROUP}`;
  const group = text.endsWith(suffix);
  const names = (group ? text.slice(0, -suffix.length) : text).split(LEGACY_SEPARATOR);
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
      return { row: -1, group: false };
    }
    first = found + 1;
    stop = end[found];
  }
  return { row: found, group: group && found >= 0 };
}
