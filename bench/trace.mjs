// One traced mount of a benchmark page, to see where the time to first paint goes:
//   node bench/trace.mjs [ours|theirs] [shape] [nodes] [out.json]
// Prints the main thread's time between the page's `bench:start` and `bench:painted`
// marks by trace event (script, style, layout, paint, GC) and the JavaScript
// functions with the most self time in that window. Builds the pages first.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from '../e2e/lib/browser.mjs';
import { startServer } from '../e2e/lib/server.mjs';
import { buildBenchPages } from './lib/build.mjs';
import { openBenchPage } from './lib/panel.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
const [side = 'ours', shape = 'real', nodes = '0', out] = process.argv.slice(2);
const outDir = path.join(benchDir, '.build');
await buildBenchPages({ benchDir, repoRoot, outDir });
const server = await startServer({ '/': outDir, '/testdata/': path.join(repoRoot, 'testdata') });
const session = await launch({ width: 1300, height: 800 });
try {
  const url = `${server.url}/${side}.html?shape=${shape}&nodes=${nodes}${process.env.HOST ? `&host=${process.env.HOST}` : ""}`;
  // A warm cache and compiled code, as in the benchmark.
  await (await openBenchPage(session.context, url)).page.close();

  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const finished = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['devtools.timeline', 'blink.user_timing', 'v8', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'],
      recordMode: 'recordAsMuchAsPossible',
    },
    transferMode: 'ReportEvents',
  });
  const reported = new Promise((resolve) =>
    page.on('console', (msg) => msg.text().startsWith('__bench ') && resolve(JSON.parse(msg.text().slice(8))))
  );
  await page.goto(url);
  const result = await reported;
  await cdp.send('Tracing.end');
  await finished;
  if (out) {
    await writeFile(out, JSON.stringify({ traceEvents: events }));
  }
  console.log(`${side} ${shape} ${nodes}: paint ${result.paintMs.toFixed(1)} ms${result.error ? ` (${result.error})` : ''}`);
  summarize(events);
} finally {
  await session.close();
  await server.close();
}

function summarize(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const start = mark('bench:start')?.ts;
  const end = mark('bench:painted')?.ts;
  if (start === undefined || end === undefined) {
    console.log('no bench:start / bench:painted marks in the trace');
    return;
  }
  console.log(`window ${((end - start) / 1000).toFixed(1)} ms`);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((m) => m.name === 'bench:start' && m.pid === e.pid));
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts + (e.dur ?? 0) >= start && e.ts <= end);
  // Top-level slices (not nested in another slice) by name.
  const sorted = onMain.sort((a, b) => a.ts - b.ts);
  const byName = new Map();
  let cover = -1;
  for (const e of sorted) {
    if (e.ts >= cover) {
      const dur = Math.min(e.ts + e.dur, end) - Math.max(e.ts, start);
      byName.set(e.name, (byName.get(e.name) ?? 0) + dur);
    }
    cover = Math.max(cover, e.ts + e.dur);
  }
  const busy = [...byName.values()].reduce((a, b) => a + b, 0);
  console.log(`main thread busy ${(busy / 1000).toFixed(1)} ms of the window; top-level slices:`);
  for (const [name, dur] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${(dur / 1000).toFixed(1).padStart(7)} ms  ${name}`);
  }
  // Every slice kind, nested too (style, layout, GC inside script).
  const nested = new Map();
  for (const e of onMain) {
    nested.set(e.name, (nested.get(e.name) ?? 0) + e.dur);
  }
  console.log('all slices (nested included):');
  for (const name of ['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EvaluateScript', 'v8.compile', 'ParseHTML', 'HitTest', 'ScheduleStyleRecalculation']) {
    if (nested.has(name)) {
      console.log(`  ${(nested.get(name) / 1000).toFixed(1).padStart(7)} ms  ${name}`);
    }
  }
  // Gaps: idle time inside the window (waiting for frames, timers).
  console.log(`idle ${((end - start - busy) / 1000).toFixed(1)} ms`);
  jsSelfTime(events, main, start, end);
}

/** Self time per JS function from the sampled CPU profile in the trace. */
function jsSelfTime(events, main, start, end) {
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid);
  const nodes = new Map();
  const self = new Map();
  const total = new Map();
  let ts = null;
  for (const chunk of chunks) {
    const data = chunk.args.data;
    ts ??= events.find((e) => e.name === 'Profile' && e.id === chunk.id)?.args.data.startTime;
    for (const node of data.cpuProfile?.nodes ?? []) {
      nodes.set(node.id, node);
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      ts += deltas[i];
      if (ts < start || ts > end) {
        continue;
      }
      const node = nodes.get(samples[i]);
      const f = node?.callFrame;
      const key = f ? `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}:${f.lineNumber + 1}` : '?';
      self.set(key, (self.get(key) ?? 0) + deltas[i]);
      // Inclusive: every distinct function on the sampled stack.
      const seen = new Set();
      for (let n = node; n; n = nodes.get(n.parent)) {
        const c = n.callFrame;
        const k = `${c.functionName || '(anonymous)'} ${(c.url ?? '').split('/').pop()}:${c.lineNumber + 1}`;
        if (!seen.has(k)) {
          seen.add(k);
          total.set(k, (total.get(k) ?? 0) + deltas[i]);
        }
      }
    }
  }
  console.log('JS inclusive time (sampled):');
  for (const [name, dur] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TRACE_TOP ?? 40))) {
    console.log(`  ${(dur / 1000).toFixed(1).padStart(7)} ms  ${name}`);
  }
  console.log('JS self time (sampled):');
  for (const [name, dur] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${(dur / 1000).toFixed(1).padStart(7)} ms  ${name}`);
  }
}
