import { FlameColumns } from '../../shared/flameColumns';

/**
 * Brendan Gregg's folded stacks: `root;caller;callee 123`, one line per stack with
 * self > 0, value = that node's self (both sides together for a diff frame). The
 * frame's level-0 root ("total") is not a function and is left out of the paths.
 *
 * The format has no escapes and tools split on `;` and line ends, so a name keeps
 * its meaning with look-alikes that cannot break a line: `;` becomes the
 * full-width semicolon `；` and line breaks become the two characters `\n`/`\r`.
 */
export function exportFolded(columns: FlameColumns): string {
  const lines: string[] = [];
  // prefix[level] = the joined path down to that level; each row extends its parent's.
  const prefix: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    const level = columns.level[i];
    const self = columns.self[i] + (columns.selfRight ? columns.selfRight[i] : 0);
    const name = escapeFoldedName(columns.label(i));
    if (level <= 0) {
      prefix.length = 0;
      if (self > 0) {
        lines.push(`${name} ${self}`);
      }
      continue;
    }
    // A level that skips (malformed input) joins to the deepest known ancestor rather than throw.
    const parent = level > 1 ? (prefix[Math.min(level - 1, prefix.length - 1)] ?? '') : '';
    const path = parent === '' ? name : `${parent};${name}`;
    prefix.length = level;
    prefix[level] = path;
    if (self > 0) {
      lines.push(`${path} ${self}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

export function escapeFoldedName(name: string): string {
  return name.replace(/;/g, '\uFF1B').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
