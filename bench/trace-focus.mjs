// `node bench/trace-focus.mjs [shape] [nodes]`: one focus click on our panel under a
// Chromium trace, to account for its time. Prints the main thread's time by event
// (script, style, layout, paint, GC) and the JS functions with the most self time,
// and writes the trace (open it in the browser's performance panel) to
// bench/results/focus-<shape>-<nodes>.trace.json. Not part of `npm run bench`.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from '../e2e/lib/browser.mjs';
import { startServer } from '../e2e/lib/server.mjs';
import { buildBenchPages } from './lib/build.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
const [shape = 'wide', nodes = '100000'] = process.argv.slice(2);
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

const outDir = path.join(benchDir, '.build');
await buildBenchPages({ benchDir, repoRoot, outDir });
const server = await startServer({ '/': outDir, '/testdata/': path.join(repoRoot, 'testdata') });
const session = await launch({ width: 1300, height: 800 });
try {
  const page = await session.context.newPage();
  await page.goto(`${server.url}/ours.html?shape=${shape}&nodes=${nodes}`);
  await page.waitForFunction(() => window.__bench !== undefined, null, { polling: 50 });
  if (process.env.TRACE_CSS) {
    await page.addStyleTag({ content: process.env.TRACE_CSS });
  }
  if (process.env.TRACE_WARM) {
    // A first focus and back warms the code paths, as a person's second click would be;
    // without it the click is the page's first focus, as in the benchmark.
    await page.evaluate(() => window.__benchFocus());
    await page.focus('[data-testid="embers-flamegraph"]');
    await page.keyboard.press('Escape');
  }
  const settle = () => page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  await settle();
  const cdp = await session.context.newCDPSession(page);
  if (process.env.TRACE_PROFILE) {
    // A fine-grained CPU profile instead of the trace: inclusive time per function.
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const ms = await page.evaluate(() => window.__benchFocus());
    const { profile } = await cdp.send('Profiler.stop');
    console.log(`focus ${ms.toFixed(1)} ms (${shape} ${nodes}), profiled`);
    printProfile(profile);
    process.exit(0);
  }
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await settle();
  const focusMs = await page.evaluate(() => window.__benchFocus());
  await cdp.send('Tracing.end');
  await done;
  await mkdir(path.join(benchDir, 'results'), { recursive: true });
  const file = path.join(benchDir, 'results', `focus-${shape}-${nodes}.trace.json`);
  await writeFile(file, JSON.stringify({ traceEvents: events }));
  console.log(`focus ${focusMs.toFixed(1)} ms (${shape} ${nodes}); trace in ${path.relative(repoRoot, file)}`);
  summarize(events);
} finally {
  await session.close();
  await server.close();
}

function summarize(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X');
  const byName = new Map();
  for (const e of onMain) {
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log('\nmain thread, total duration by event (nested events overlap):');
  [...byName].sort((a, b) => b[1] - a[1]).slice(0, 18).forEach(([name, ms]) => console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`));

  // The sampled CPU profile: self time per function.
  const nodesById = new Map();
  const self = new Map();
  for (const e of events.filter((x) => x.name === 'ProfileChunk')) {
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) {
      nodesById.set(node.id, node.callFrame);
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      const frame = nodesById.get(id);
      const key = frame ? `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').split('/').pop()}:${frame.lineNumber}` : String(id);
      self.set(key, (self.get(key) ?? 0) + dt);
    });
  }
  console.log('\nJS self time (sampled):');
  [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([name, ms]) => console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`));
}

function printProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) {
    for (const c of n.children ?? []) {
      parent.set(c, n.id);
    }
  }
  const keyOf = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const self = new Map();
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (node.callFrame.functionName === '(idle)') {
      return;
    }
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(byId.get(at));
      if (!seen.has(key)) {
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + dt);
      }
    }
  });
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, v]) => console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`));
  console.log('inclusive:');
  top(total, 60);
  console.log('self:');
  top(self, 25);
}
