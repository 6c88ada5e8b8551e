// Runs the Go benchmarks several times and reduces them to medians (benchstat-style).
import { execFileSync } from 'node:child_process';
import { summarize, formatBytes, markdownTable } from './stats.mjs';

const resultLine = /^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$/;

/** "597713 ns/op  0.55 arrow-MB  431453 B/op  32 allocs/op" → { 'ns/op': 597713, ... } */
function metrics(text) {
  const out = {};
  const pair = /([\d.e+-]+)\s+(\S+)/g;
  let m;
  while ((m = pair.exec(text))) {
    out[m[2]] = Number(m[1]);
  }
  return out;
}

export function runGoBenchmarks({ repoRoot, pattern, packages, count }) {
  const out = execFileSync(
    'go',
    ['test', '-run', '^$', '-bench', pattern, '-benchmem', '-count', String(count), ...packages],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] }
  );
  const byName = new Map();
  for (const text of out.split('\n')) {
    const m = resultLine.exec(text.trim());
    if (!m) {
      continue;
    }
    const runs = byName.get(m[1]) ?? [];
    runs.push(metrics(m[2]));
    byName.set(m[1], runs);
  }
  if (byName.size === 0) {
    throw new Error(`no Go benchmark matched ${pattern}:\n${out}`);
  }
  return [...byName.entries()].map(([name, runs]) => {
    const of = (unit) => summarize(runs.map((r) => r[unit] ?? NaN));
    const frameMB = runs[0]['arrow-MB'] ?? runs[0]['MB-arrow-frame'];
    return { name, runs: runs.length, ns: of('ns/op'), bytes: of('B/op'), allocs: of('allocs/op'), frameMB };
  });
}

const ms = (ns) => `${(ns / 1e6).toFixed(ns < 1e7 ? 2 : 1)} ms`;

export function goTable(results) {
  return markdownTable(
    ['benchmark', 'time/op median (min–max)', 'allocated/op', 'allocs/op', 'frame (Arrow)'],
    results.map((r) => [
      r.name,
      `${ms(r.ns.median)} (${ms(r.ns.min)}–${ms(r.ns.max)})`,
      formatBytes(r.bytes.median),
      String(Math.round(r.allocs.median)),
      r.frameMB === undefined ? '–' : `${r.frameMB.toFixed(1)} MB`,
    ])
  );
}
