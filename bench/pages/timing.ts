// Timing shared by both sides of the panel benchmark, so they are measured alike:
// from just before React mounts to the second animation frame after the first
// drawn element appears (the browser has then painted it).
import { DataFrame } from '@grafana/data';

export interface BenchResult {
  nodes: number;
  paintMs: number;
  focusMs?: number;
  /** Ours only: frames drawn and frames of 1 px or more at the first paint. */
  drawn?: number;
  visible?: number;
  error?: string;
}

declare global {
  interface Window {
    __bench?: BenchResult;
    __benchFocus?: () => Promise<number>;
    /** Resolves once a side has mounted what it defers past its first paint. */
    __benchSettled?: () => Promise<unknown>;
    /** The longest main-thread task (ms) during 100 width changes in 2 s. */
    __benchResize?: () => Promise<number>;
  }
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the time at which `ready()` first holds and two frames have passed. */
export async function paintedAfter(ready: () => boolean, timeoutMs = 60000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  // A click's work ends in its own task (React commits a discrete update in a microtask
  // queued before this one): look once it has, not one frame later.
  for (let i = 0; i < 3 && !ready(); i++) {
    await Promise.resolve();
  }
  while (!ready()) {
    if (performance.now() > deadline) {
      throw new Error('nothing was drawn before the timeout');
    }
    await nextFrame();
  }
  await nextFrame();
  const painted = await nextFrame();
  performance.mark('bench:painted');
  return painted;
}

/**
 * Hands the result to the runner as a console message: waiting with an evaluation
 * in the page would inject the runner's script there, inside the measured window.
 */
export function reportResult(result: BenchResult) {
  window.__bench = result;
  console.log(`__bench ${JSON.stringify(result)}`);
}

/**
 * What Grafana has done before any panel mounts, done here for both sides with each
 * side's own @grafana/data: its unit index is built (the time picker and every
 * other panel format values through it). Without it the first value a side formats
 * pays 40–100 ms building that index and loading date and translation data, a cost
 * a panel never meets inside Grafana. `?host=cold` leaves it out.
 */
export function warmHost(params: URLSearchParams, getValueFormat: (id: string) => (value: number) => unknown) {
  if (params.get('host') !== 'cold') {
    getValueFormat('short')(1);
  }
}

/** The moment a side starts mounting, marked for bench/trace.mjs. */
export function mountStart(): number {
  performance.mark('bench:start');
  return performance.now();
}

export function benchParams() {
  const params = new URLSearchParams(window.location.search);
  return { nodes: Number(params.get('nodes') ?? 1000), params };
}

/** 100 width changes in 2 s (1200 px, narrowing and widening by up to 300 px), then 1 s of rest. */
export async function resizeStorm(setWidth: (width: number) => void) {
  for (let i = 0; i < 100; i++) {
    setWidth(1200 - Math.round(300 * Math.abs(Math.sin(i / 8))));
    await sleep(20);
  }
  setWidth(1200);
  await sleep(1000);
}

/** The longest task the browser reports while `run` goes on (0 when none passed 50 ms). */
export async function longestTaskDuring(run: () => Promise<void>): Promise<number> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longest = Math.max(longest, entry.duration);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  await run();
  await nextFrame();
  observer.disconnect();
  return longest;
}

/** Name and centre (0–1 of the width) of the widest child of the first root. */
export function widestRootChild(frame: DataFrame) {
  const field = (name: string) => frame.fields.find((f) => f.name === name)!;
  const level = field('level').values;
  const value = field('value').values;
  const right = frame.fields.find((f) => f.name === 'valueRight')?.values;
  const labels = field('label');
  const names = labels.config?.type?.enum?.text;
  const nameOf = (i: number) => (names ? names[labels.values[i]] : labels.values[i]);
  const width = (i: number) => value[i] + (right ? right[i] : 0);
  let x = 0;
  let best = { x: 0, w: 0, row: 0 };
  for (let i = 1; i < frame.length && level[i] > 0; i++) {
    if (level[i] === 1) {
      if (width(i) > best.w) {
        best = { x, w: width(i), row: i };
      }
      x += width(i);
    }
  }
  return { name: String(nameOf(best.row)), centre: (best.x + best.w / 2) / width(0) };
}
