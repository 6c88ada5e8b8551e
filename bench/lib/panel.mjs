// Panel benchmark in real Chromium: time to first paint, focus time and JS heap for
// our panel and @grafana/flamegraph on the same synthetic frames, run alternately
// in one browser so the machine's noise hits both sides alike.
import { launch } from '../../e2e/lib/browser.mjs';
import { summarize } from './stats.mjs';

const SIDES = ['ours', 'theirs'];

async function openBenchPage(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(err.message));
  await page.goto(url);
  await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 120000, polling: 50 });
  const result = await page.evaluate(() => window.__bench);
  if (result.error) {
    throw new Error(result.error);
  }
  return { page, result };
}

async function heapUsed(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
}

async function measureOnce(context, baseUrl, side, nodes) {
  const pages = [];
  try {
    const url = `${baseUrl}/${side}.html?nodes=${nodes}`;
    const painted = await openBenchPage(context, url);
    pages.push(painted.page);
    const heap = await heapUsed(context, painted.page);
    // @grafana/flamegraph focuses from a context menu it shows only beside its table.
    const focusPage = side === 'theirs' ? (await openBenchPage(context, `${url}&focus=1`)).page : painted.page;
    pages.push(focusPage);
    const focusMs = await focusPage.evaluate(() => window.__benchFocus());
    return { paintMs: painted.result.paintMs, focusMs, heap };
  } catch (err) {
    const pageError = pages.flatMap((p) => p.errors)[0];
    throw new Error(`${side} at ${nodes} nodes: ${err.message}${pageError ? ` (page: ${pageError})` : ''}`);
  } finally {
    await Promise.all(pages.map((p) => p.close()));
  }
}

export async function runPanelBenchmarks({ baseUrl, sizes, runs, log }) {
  const session = await launch({ width: 1300, height: 800 });
  const results = [];
  try {
    for (const nodes of sizes) {
      const samples = Object.fromEntries(SIDES.map((s) => [s, { paintMs: [], focusMs: [], heap: [] }]));
      // One warm-up per side so both start with compiled code and a warm cache.
      for (const side of SIDES) {
        await measureOnce(session.context, baseUrl, side, Math.min(nodes, 10000));
      }
      for (let run = 0; run < runs; run++) {
        for (const side of run % 2 ? [...SIDES].reverse() : SIDES) {
          const m = await measureOnce(session.context, baseUrl, side, nodes);
          for (const key of Object.keys(m)) {
            samples[side][key].push(m[key]);
          }
        }
      }
      for (const side of SIDES) {
        const s = samples[side];
        const row = { side, nodes, paint: summarize(s.paintMs), focus: summarize(s.focusMs), heap: summarize(s.heap) };
        results.push(row);
        log(
          `${side.padEnd(6)} ${String(nodes).padStart(7)} nodes: paint ${row.paint.median.toFixed(0)} ms, focus ${row.focus.median.toFixed(0)} ms`
        );
      }
    }
  } finally {
    await session.close();
  }
  return results;
}
