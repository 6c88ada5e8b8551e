import { SMALL_PROFILE } from '../__fixtures__/frames';
import { buildFlameIndex } from './flameIndex';
import { focusToText, textToFocus } from './focusPath';
import { columnsFromRows } from './testColumns';

describe('focus in the URL', () => {
  const index = buildFlameIndex(columnsFromRows(SMALL_PROFILE));
  const roundTrip = (idx: typeof index, row: number, group = false) => textToFocus(idx, focusToText(idx, { row, group }));

  it('round-trips a frame and names it at the end of the text', () => {
    const text = focusToText(index, { row: 3, group: false });
    expect(text).toMatch(/^2-[0-9a-z]+:main\.fastFunction$/);
    expect(textToFocus(index, text)).toEqual({ row: 3, group: false });
  });

  it('finds no focus for a stack this profile does not have', () => {
    const text = focusToText(index, { row: 3, group: false });
    const other = buildFlameIndex(
      columnsFromRows([
        [0, 'total', 10, 0],
        [1, 'elsewhere', 10, 0],
        [2, 'main.fastFunction', 10, 10],
      ])
    );
    expect(textToFocus(other, text)).toEqual({ row: -1, group: false });
    expect(textToFocus(index, '')).toEqual({ row: -1, group: false });
    expect(textToFocus(index, '9-zz:nothing')).toEqual({ row: -1, group: false });
  });

  it('round-trips a focused gap of a frame and of the whole graph', () => {
    expect(roundTrip(index, 1, true)).toEqual({ row: 1, group: true });
    expect(roundTrip(index, -1, true)).toEqual({ row: -1, group: true });
  });

  it('tells apart stacks whose names only differ in where a ";" falls, and a frame named "…"', () => {
    const tricky = buildFlameIndex(
      columnsFromRows([
        [0, 'total', 40, 0],
        [1, 'a;b', 10, 0],
        [2, 'c', 10, 10],
        [1, 'a', 10, 0],
        [2, 'b;c', 10, 10],
        [1, '…', 10, 10],
        [1, 'Map[K;V]', 10, 10],
      ])
    );
    for (const row of [1, 2, 3, 4, 5, 6]) {
      expect(roundTrip(tricky, row)).toEqual({ row, group: false });
    }
  });

  it('keeps a 5,000-deep focus short', () => {
    const deep = buildFlameIndex(
      columnsFromRows(Array.from({ length: 5001 }, (_, i) => [i, `github.com/acme/pkg.frame${i}`, 5001 - i, 1] as [number, string, number, number]))
    );
    const text = focusToText(deep, { row: 5000, group: false });
    expect(text.length).toBeLessThan(80);
    expect(textToFocus(deep, text)).toEqual({ row: 5000, group: false });
  });

  it('still opens links written as ";"-joined names', () => {
    expect(textToFocus(index, 'total;main.main;main.fastFunction')).toEqual({ row: 3, group: false });
    expect(textToFocus(index, 'total;main.main;…')).toEqual({ row: 1, group: true });
  });
});
