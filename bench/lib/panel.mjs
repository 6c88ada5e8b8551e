// Panel benchmark in real Chromium: time to first paint, focus time and JS heap for
// our panel and @grafana/flamegraph on the same frames, run alternately in one
// browser so the machine's noise hits both sides alike; for ours also the frames
// drawn against those visible, and the longest task during a resize storm.
import { launch } from '../../e2e/lib/browser.mjs';
import { summarize } from './stats.mjs';

const SIDES = ['ours', 'theirs'];

/**
 * Opens a benchmark page and waits for the result it logs. No evaluation in the page
 * until then: the first one injects the runner's script, which would be timed.
 */
export async function openBenchPage(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(err.message));
  const reported = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the page reported no result')), 120000);
    page.on('console', (msg) => {
      if (msg.text().startsWith('__bench ')) {
        clearTimeout(timer);
        resolve(JSON.parse(msg.text().slice('__bench '.length)));
      }
    });
  });
  await page.goto(url);
  const result = await reported;
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

async function measureOnce(context, baseUrl, side, { shape, nodes, host = 'warm' }, withResize) {
  const pages = [];
  try {
    const url = `${baseUrl}/${side}.html?shape=${shape}&nodes=${nodes}&host=${host}`;
    const painted = await openBenchPage(context, url);
    pages.push(painted.page);
    // Heap, focus and resizes of the panel once it has mounted what it defers.
    await painted.page.evaluate(() => window.__benchSettled?.());
    const heap = await heapUsed(context, painted.page);
    // @grafana/flamegraph focuses from a context menu it shows only beside its table.
    const focusPage = side === 'theirs' ? (await openBenchPage(context, `${url}&focus=1`)).page : painted.page;
    pages.push(focusPage);
    const focusMs = await focusPage.evaluate(() => window.__benchFocus());
    const m = { paintMs: painted.result.paintMs, focusMs, heap };
    if (side === 'ours') {
      m.drawn = painted.result.drawn;
      m.visible = painted.result.visible;
      if (withResize) {
        const fresh = await openBenchPage(context, url);
        pages.push(fresh.page);
        m.resizeLongestMs = await fresh.page.evaluate(() => window.__benchResize());
      }
    }
    return m;
  } catch (err) {
    const pageError = pages.flatMap((p) => p.errors)[0];
    throw new Error(`${side} ${shape} at ${nodes} nodes: ${err.message}${pageError ? ` (page: ${pageError})` : ''}`);
  } finally {
    await Promise.all(pages.map((p) => p.close()));
  }
}

/** cases: [{ shape, nodes }]; every case is measured `runs` times per side. */
export async function runPanelBenchmarks({ baseUrl, cases, runs, log }) {
  const session = await launch({ width: 1300, height: 800 });
  const results = [];
  try {
    // One warm-up per side so both start with compiled code and a warm cache.
    for (const side of SIDES) {
      await measureOnce(session.context, baseUrl, side, { shape: 'typical', nodes: 10000 }, false);
    }
    for (const c of cases) {
      const samples = Object.fromEntries(SIDES.map((s) => [s, {}]));
      for (let run = 0; run < runs; run++) {
        for (const side of run % 2 ? [...SIDES].reverse() : SIDES) {
          // The storm takes 3 s a run: measure it on the first two runs.
          const m = await measureOnce(session.context, baseUrl, side, c, run < 2);
          for (const key of Object.keys(m)) {
            (samples[side][key] ??= []).push(m[key]);
          }
        }
      }
      for (const side of SIDES) {
        const s = samples[side];
        const row = { side, ...c };
        for (const [key, values] of Object.entries(s)) {
          row[key] = summarize(values.filter((v) => v !== undefined));
        }
        results.push(row);
        log(
          `${side.padEnd(6)} ${c.host} ${c.shape.padEnd(7)} ${String(c.nodes).padStart(7)}: paint ${row.paintMs.median.toFixed(0)} ms, focus ${row.focusMs.median.toFixed(0)} ms` +
            (row.drawn ? `, drawn ${row.drawn.median} of ${row.visible.median}` : '') +
            (row.resizeLongestMs ? `, resize storm longest task ${row.resizeLongestMs.max.toFixed(0)} ms` : '')
        );
      }
    }
  } finally {
    await session.close();
  }
  return results;
}
