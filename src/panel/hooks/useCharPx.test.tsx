import { act, renderHook } from '@testing-library/react';
import { monospaceCharPx } from '../model/labelFit';
import { useCharPx } from './useCharPx';

jest.mock('../model/labelFit', () => ({ ...jest.requireActual('../model/labelFit'), monospaceCharPx: jest.fn() }));
const measure = monospaceCharPx as jest.MockedFunction<typeof monospaceCharPx>;

describe('useCharPx', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    measure.mockReset();
  });

  it('lays labels out with the usual monospace ratio first, and measures only after the paint', () => {
    measure.mockReturnValue(7.2);
    const { result } = renderHook(() => useCharPx('12px Roboto Mono', 12));
    expect(result.current).toBeCloseTo(7.2);
    expect(measure).not.toHaveBeenCalled();
    act(() => void jest.advanceTimersByTime(1000));
    expect(measure).toHaveBeenCalledTimes(1);
    // Within 1 % of the estimate: the labels stay as they are.
    expect(result.current).toBeCloseTo(7.2);
  });

  it('takes the measured width when the font is narrower than a usual monospace font', () => {
    measure.mockReturnValue(6.6);
    const { result } = renderHook(() => useCharPx('12px Consolas', 12));
    act(() => void jest.advanceTimersByTime(1000));
    expect(result.current).toBeCloseTo(6.6);
  });
});
