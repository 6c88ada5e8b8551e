import { SMALL_PROFILE } from '../__fixtures__/frames';
import { buildFlameIndex } from './flameIndex';
import { focusToPath, focusToText, pathToFocus, textToFocus } from './focusPath';
import { columnsFromRows } from './testColumns';

describe('focus path', () => {
  const index = buildFlameIndex(columnsFromRows(SMALL_PROFILE));

  it('round-trips a row through the names on its stack', () => {
    expect(focusToPath(index, 3)).toBe('total;main.main;main.fastFunction');
    expect(pathToFocus(index, 'total;main.main;main.fastFunction')).toBe(3);
  });

  it('finds no focus for a stack this profile does not have', () => {
    expect(pathToFocus(index, 'total;main.main;gone')).toBe(-1);
    expect(pathToFocus(index, '')).toBe(-1);
  });

  it('round-trips a focused "…" of a frame', () => {
    expect(focusToText(index, { row: 1, group: true })).toBe('total;main.main;…');
    expect(textToFocus(index, 'total;main.main;…')).toEqual({ row: 1, group: true });
    expect(textToFocus(index, 'total;nothing;…')).toEqual({ row: -1, group: false });
  });
});
