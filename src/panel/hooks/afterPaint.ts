/** Frames right after a change that deferred work keeps clear of (about 12 at 60 Hz). */
const SETTLE_MS = 200;

/**
 * Runs `task` once the browser has painted the next frame, the frames just after
 * it have passed and it has time to spare (at once where there are no frames). Work
 * nobody waits for (a URL write, a font measurement) never holds back the frame that
 * shows a change, nor the ones a click's feedback or a hover lands in right after.
 * Returns a cancel.
 */
export function afterPaint(task: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  let cancelLater = () => {};
  const frame = requestAnimationFrame(() => {
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') {
        const idle = requestIdleCallback(task, { timeout: 500 });
        cancelLater = () => cancelIdleCallback(idle);
      } else {
        task();
      }
    }, SETTLE_MS);
    cancelLater = () => clearTimeout(timer);
  });
  return () => {
    cancelAnimationFrame(frame);
    cancelLater();
  };
}
