// Timing shared by both sides of the panel benchmark, so they are measured alike:
// from just before React mounts to the second animation frame after the first
// drawn element appears (the browser has then painted it).

export interface BenchResult {
  nodes: number;
  paintMs: number;
  focusMs?: number;
  error?: string;
}

declare global {
  interface Window {
    __bench?: BenchResult;
    __benchFocus?: () => Promise<number>;
  }
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** Resolves with the time at which `ready()` first holds and two frames have passed. */
export async function paintedAfter(ready: () => boolean, timeoutMs = 60000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (!ready()) {
    if (performance.now() > deadline) {
      throw new Error('nothing was drawn before the timeout');
    }
    await nextFrame();
  }
  await nextFrame();
  return nextFrame();
}

export function benchParams() {
  const params = new URLSearchParams(window.location.search);
  return { nodes: Number(params.get('nodes') ?? 1000), seed: Number(params.get('seed') ?? 7) };
}
