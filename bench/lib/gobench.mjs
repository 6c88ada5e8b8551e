// Runs the Go benchmarks several times and reduces them to medians (benchstat-style).
import { execFileSync } from 'node:child_process';
import { summarize, formatBytes, markdownTable } from './stats.mjs';

const line = /^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns\/op(?:\s+([\d.]+) B\/op)?(?:\s+([\d.]+) allocs\/op)?/;

export function runGoBenchmarks({ repoRoot, pattern, packages, count }) {
  const out = execFileSync(
    'go',
    ['test', '-run', '^$', '-bench', pattern, '-benchmem', '-count', String(count), ...packages],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] }
  );
  const byName = new Map();
  for (const text of out.split('\n')) {
    const m = line.exec(text.trim());
    if (!m) {
      continue;
    }
    const runs = byName.get(m[1]) ?? { ns: [], bytes: [], allocs: [] };
    runs.ns.push(Number(m[2]));
    runs.bytes.push(Number(m[3] ?? NaN));
    runs.allocs.push(Number(m[4] ?? NaN));
    byName.set(m[1], runs);
  }
  if (byName.size === 0) {
    throw new Error(`no Go benchmark matched ${pattern}:\n${out}`);
  }
  return [...byName.entries()].map(([name, runs]) => ({
    name,
    ns: summarize(runs.ns),
    bytes: summarize(runs.bytes),
    allocs: summarize(runs.allocs),
  }));
}

const ms = (ns) => `${(ns / 1e6).toFixed(ns < 1e7 ? 2 : 1)} ms`;

export function goTable(results) {
  return markdownTable(
    ['benchmark', 'time/op median (min–max)', 'allocated/op', 'allocs/op'],
    results.map((r) => [
      r.name,
      `${ms(r.ns.median)} (${ms(r.ns.min)}–${ms(r.ns.max)})`,
      formatBytes(r.bytes.median),
      String(Math.round(r.allocs.median)),
    ])
  );
}
