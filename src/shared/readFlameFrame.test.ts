import { dataFrameFromJSON, FieldType, toDataFrame } from '@grafana/data';
import fs from 'fs';
import path from 'path';
import { DIFF_PROFILE, flameFrame, SMALL_PROFILE } from '../panel/__fixtures__/frames';
import { FlameColumns } from './flameColumns';
import { findFlameFrame, readFlameFrame } from './readFlameFrame';

function columnsOf(result: ReturnType<typeof readFlameFrame>): FlameColumns {
  if ('error' in result) {
    throw new Error(result.error);
  }
  return result;
}

describe('readFlameFrame', () => {
  it.each(['enum', 'string'] as const)('reads %s labels into names, values and self', (labels) => {
    const columns = columnsOf(readFlameFrame(flameFrame(SMALL_PROFILE, { labels })));
    expect(columns.length).toBe(10);
    expect(columns.label(2)).toBe('main.slowFunction');
    expect(columns.value[2]).toBe(60);
    expect(columns.self[1]).toBe(10);
    expect(columns.level[9]).toBe(1);
    expect(columns.unit).toBe('ns');
    expect(columns.valueRight).toBeUndefined();
  });

  it('reads the right side of a diff frame', () => {
    const columns = columnsOf(readFlameFrame(flameFrame(DIFF_PROFILE, { unit: 'bytes' })));
    expect(columns.valueRight?.[1]).toBe(80);
    expect(columns.selfRight?.[2]).toBe(40);
    expect(columns.unit).toBe('bytes');
  });

  it('names the missing fields of a frame that is not a flame graph', () => {
    const frame = toDataFrame({ fields: [{ name: 'value', type: FieldType.number, values: [1] }] });
    expect(readFlameFrame(frame)).toEqual({
      error: 'This panel needs a flame graph frame with level, value, self and label fields (missing: level, self, label).',
    });
  });

  it('rejects a level field that does not hold numbers', () => {
    const frame = flameFrame(SMALL_PROFILE);
    frame.fields[0] = { ...frame.fields[0], type: FieldType.string };
    expect(readFlameFrame(frame)).toEqual({ error: expect.stringContaining('the level field holds string') });
  });

  it('falls back to "short" when the value field has no unit', () => {
    const frame = flameFrame(SMALL_PROFILE, { unit: '' });
    expect(columnsOf(readFlameFrame(frame)).unit).toBe('short');
  });
});

describe('findFlameFrame', () => {
  const series = toDataFrame({ name: 'cpu', fields: [{ name: 'time', type: FieldType.time, values: [1] }] });

  it('picks the flame graph frame by name among series frames', () => {
    const flame = flameFrame(SMALL_PROFILE);
    expect(findFlameFrame([series, flame])).toBe(flame);
  });

  it('picks an unnamed frame by its fields (other data sources)', () => {
    const flame = flameFrame(SMALL_PROFILE, { name: '' });
    flame.meta = undefined;
    expect(findFlameFrame([series, flame])).toBe(flame);
  });

  it('finds nothing in series-only data', () => {
    expect(findFlameFrame([series])).toBeUndefined();
  });
});

describe('golden frames written by the Go backend', () => {
  const dir = path.resolve(__dirname, '../../testdata/frames');
  const read = (name: string) => dataFrameFromJSON(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));

  it('reads the CPU frame: enum names, ns unit, root total equals the sum of self', () => {
    const columns = columnsOf(readFlameFrame(read('demo-cpu.json')));
    expect(columns.unit).toBe('ns');
    expect(columns.label(0)).toBe('total');
    let selfSum = 0;
    for (let i = 0; i < columns.length; i++) {
      selfSum += Number(columns.self[i]);
    }
    expect(Number(columns.value[0])).toBe(selfSum);
    const names = Array.from({ length: columns.length }, (_, i) => columns.label(i));
    expect(names).toContain('main.slowFunction');
  });

  it('reads the diff frame with both sides', () => {
    const columns = columnsOf(readFlameFrame(read('diff-demo-fast-vs-slow.json')));
    expect(columns.valueRight).toBeDefined();
    expect(columns.selfRight).toBeDefined();
    expect(columns.unit).toBe('ns');
    // Left is the demo's fast code path, right its slow one (37.05 s vs 189.46 s of CPU).
    expect(Number(columns.value[0])).toBe(37050000000);
    expect(Number(columns.valueRight![0])).toBe(189460000000);
  });

  it('reads the empty answer as a lone root with nothing in it, not an error', () => {
    const columns = columnsOf(readFlameFrame(read('empty.json')));
    expect(columns.length).toBe(1);
    expect(columns.value[0]).toBe(0);
  });
});
