import { columnsOf } from '../table/testing/columnsOf';
import { exportFolded } from './folded';

describe('exportFolded', () => {
  it('writes one line per stack with self, root left out', () => {
    const columns = columnsOf([
      [0, 'total', 100, 0],
      [1, 'main', 100, 5],
      [2, 'f', 60, 10],
      [3, 'g', 50, 50],
      [2, 'h', 35, 0],
      [3, 'f', 35, 35],
    ]);
    expect(exportFolded(columns)).toBe(['main 5', 'main;f 10', 'main;f;g 50', 'main;h;f 35', ''].join('\n'));
  });

  it('keeps a name with separators on one line and in one frame', () => {
    const columns = columnsOf([
      [0, 'total', 3, 0],
      [1, 'a;b', 3, 0],
      [2, 'line\nbreak\r', 3, 3],
    ]);
    expect(exportFolded(columns)).toBe('a\uFF1Bb;line\\nbreak\\r 3\n');
  });

  it('adds both sides of a diff frame', () => {
    const columns = columnsOf(
      [
        [0, 'total', 4, 0, 6, 0],
        [1, 'f', 4, 4, 6, 6],
      ],
      true
    );
    expect(exportFolded(columns)).toBe('f 10\n');
  });

  it('joins a row whose level skips to its deepest known ancestor', () => {
    const columns = columnsOf([
      [0, 'total', 1, 0],
      [1, 'a', 1, 0],
      [3, 'b', 1, 1],
    ]);
    expect(exportFolded(columns)).toBe('a;b 1\n');
  });

  it('writes nothing for an empty frame or a root-only frame', () => {
    expect(exportFolded(columnsOf([]))).toBe('');
    expect(exportFolded(columnsOf([[0, 'total', 0, 0]]))).toBe('');
  });
});
