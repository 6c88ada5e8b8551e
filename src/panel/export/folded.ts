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
  const path: string[] = []; // path[level - 1] = escaped name at that level
  for (let i = 0; i < columns.length; i++) {
    const level = columns.level[i];
    const self = columns.self[i] + (columns.selfRight ? columns.selfRight[i] : 0);
    if (level <= 0) {
      path.length = 0;
      if (self > 0) {
        lines.push(`${escapeFoldedName(columns.label(i))} ${self}`);
      }
      continue;
    }
    path.length = level - 1;
    path.push(escapeFoldedName(columns.label(i)));
    if (self > 0) {
      // A level that skips (malformed input) leaves holes; join them as empty names rather than throw.
      lines.push(`${Array.from(path, (name) => name ?? '').join(';')} ${self}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

export function escapeFoldedName(name: string): string {
  return name.replace(/;/g, '\uFF1B').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
