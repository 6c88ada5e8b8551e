import { afterPaint } from './afterPaint';

describe('afterPaint', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits for the next frame and the frames after it before running', () => {
    const task = jest.fn();
    afterPaint(task);
    // The frame that shows a change, and the ones right after it, come first.
    jest.advanceTimersByTime(150);
    expect(task).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled, before or after the frame', () => {
    const early = jest.fn();
    afterPaint(early)();
    const late = jest.fn();
    const cancelLate = afterPaint(late);
    jest.advanceTimersByTime(50);
    cancelLate();
    jest.advanceTimersByTime(2000);
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });
});
