import { FlameIndex } from './flameIndex';

export type Matcher = (name: string) => boolean;

/**
 * Our own search matcher (d3-flame-graph's does `new RegExp(term)` and throws on
 * "("). Plain text matches case-insensitively anywhere in the name; a regex is
 * validated first and a bad one comes back as a message for the search box.
 */
export function makeMatcher(term: string, isRegex: boolean): { match?: Matcher; error?: string } {
  if (!term) {
    return {};
  }
  if (isRegex) {
    try {
      const re = new RegExp(term, 'i');
      return { match: (name) => re.test(name) };
    } catch (err) {
      const detail = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : '';
      return { error: `Invalid regular expression${detail ? `: ${detail}` : ''}` };
    }
  }
  const needle = term.toLowerCase();
  return { match: (name) => name.toLowerCase().includes(needle) };
}

export interface SearchStats {
  /** Frames whose name matches. */
  count: number;
  /** Samples under matching frames, each counted once (nested matches are not added again). */
  value: number;
  /** Total samples of the graph. */
  total: number;
}

/** One pass over every row: what a search matches in the whole graph, not just what is drawn. */
export function searchStats(index: FlameIndex, match: Matcher): SearchStats {
  const { columns, width, end } = index;
  let count = 0;
  let value = 0;
  let insideUntil = -1;
  const cache = new Map<string, boolean>();
  for (let i = 0; i < columns.length; i++) {
    const name = columns.label(i);
    let hit = cache.get(name);
    if (hit === undefined) {
      hit = match(name);
      cache.set(name, hit);
    }
    if (!hit) {
      continue;
    }
    count++;
    if (i >= insideUntil) {
      value += width[i];
      insideUntil = end[i];
    }
  }
  return { count, value, total: index.leftTotal + index.rightTotal };
}
