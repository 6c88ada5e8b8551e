import { formatCount, formatPercent, formatShareChange, formatValue } from './units';

describe('units', () => {
  it('formats nanoseconds as time', () => {
    expect(formatValue(1.5e9, 'ns')).toBe('1.50 s');
    expect(formatValue(250e6, 'ns')).toBe('250.00 ms');
  });

  // The units the backend gives delay and wall rates (pkg/frames/rate.go):
  // time waited per second reads as a rate, scaled like a duration.
  it('formats time per second as a rate', () => {
    expect(formatValue(12e6, 'si:ns/s')).toBe('12.00 ms/s');
    expect(formatValue(2.5e6, 'si:µs/s')).toBe('2.50 s/s');
    expect(formatValue(0.5, 'suffix:cores')).toBe('0.50 cores');
  });

  it('formats bytes as sizes', () => {
    expect(formatValue(1536, 'bytes')).toBe('1.50 KiB');
    expect(formatValue(3 * 1024 * 1024, 'bytes')).toBe('3.00 MiB');
  });

  it('formats counts as short numbers', () => {
    expect(formatValue(12_500, 'short')).toBe('12.50 K');
    expect(formatValue(7, '')).toBe('7.00');
  });

  it('formats shares as percentages and survives a zero total', () => {
    expect(formatPercent(1, 3)).toBe('33.33 %');
    expect(formatPercent(5, 0)).toBe('0.00 %');
  });

  it('formats a change in share as signed percentage points', () => {
    expect(formatShareChange(0.032)).toBe('+3.20 pp');
    expect(formatShareChange(-0.1)).toBe('−10.00 pp');
    expect(formatShareChange(0)).toBe('±0.00 pp');
  });

  it('writes counts with thousands separators, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 12345, 200000, 1234567, -4321]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
