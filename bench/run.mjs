// `npm run bench`: backend conversion and query time, panel paint and focus beside
// Grafana's @grafana/flamegraph in the same Chromium, and bundle sizes. Writes the
// table to bench/results/latest.md and prints it. Not part of `make test`.
//   BENCH_RUNS=5 (panel runs per case and side)   BENCH_GO_COUNT=5 (0 skips the Go part)
//   BENCH_SIZES=1000,10000,100000,1000000   BENCH_SHAPES=typical,wide,real
//   BENCH_HOSTS=warm,cold (warm: Grafana's unit index already built, as in Grafana; cold: a bare page, ≤ 10,000 nodes)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../e2e/lib/server.mjs';
import { buildBenchPages } from './lib/build.mjs';
import { bundleTable, measureBundles } from './lib/bundle.mjs';
import { goTable, runGoBenchmarks } from './lib/gobench.mjs';
import { runPanelBenchmarks } from './lib/panel.mjs';
import { panelTable } from './lib/report.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const goCount = Number(process.env.BENCH_GO_COUNT ?? 5);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
const shapes = (process.env.BENCH_SHAPES ?? 'typical,wide,real').split(',');
// The real profile is one golden frame of the project's own data: one case, whatever the sizes.
const hosts = (process.env.BENCH_HOSTS ?? 'warm,cold').split(',');
// The cold page adds a fixed cost to each side's first value: it shows at small sizes only.
const COLD_MAX_NODES = 10000;
const cases = hosts.flatMap((host) =>
  shapes
    .flatMap((shape) => (shape === 'real' ? [{ host, shape, nodes: 0 }] : sizes.map((nodes) => ({ host, shape, nodes }))))
    .filter((c) => c.host !== 'cold' || c.nodes <= COLD_MAX_NODES)
);
const log = (line) => console.log(line);

function sh(cmd, args, cwd = repoRoot) {
  execFileSync(cmd, args, { cwd, stdio: 'inherit' });
}

if (!existsSync(path.join(benchDir, 'node_modules', '@grafana', 'flamegraph'))) {
  log('Installing the benchmark-only packages (@grafana/flamegraph) in bench/ ...');
  sh('npm', ['ci', '--no-audit', '--no-fund'], benchDir);
}
if (!existsSync(path.join(repoRoot, 'dist', 'panel', 'module.js'))) {
  log('Building the plugin for the bundle sizes ...');
  sh('npm', ['run', 'build']);
}

log('1/3 Go benchmarks (levels → frame, whole profile query) ...');
const goResults = goCount <= 0 ? [] : runGoBenchmarks({
  repoRoot,
  pattern: '^(BenchmarkFlameGraph|BenchmarkFlameGraphDiff|BenchmarkProfileQuery)$',
  packages: ['./pkg/frames', './pkg/plugin'],
  count: goCount,
});

log('2/3 Panel benchmarks in Chromium ...');
const outDir = path.join(benchDir, '.build');
await buildBenchPages({ benchDir, repoRoot, outDir });
const server = await startServer({ '/': outDir, '/testdata/': path.join(repoRoot, 'testdata') });
let panelResults;
try {
  panelResults = await runPanelBenchmarks({ baseUrl: server.url, cases, runs, log });
} finally {
  await server.close();
}

log('3/3 Bundle sizes ...');
const bundles = measureBundles(path.join(repoRoot, 'dist'));

const report = `# Embers benchmarks

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(
  os.totalmem() / 2 ** 30
)} GiB. Medians with (min–max); the machine's noise hits both sides of a comparison alike.

## Backend (Go, ${goCount} runs each)

${goTable(goResults)}

## Panel in Chromium (${runs} runs per case and side, 1200×600 px)

Shapes: typical is a large real profile's shape (400–1,000 frames of 1 px or more),
wide a whole-host profile (150 deep towers, ~5,000 frames of 1 px or more), real the
golden frame \`testdata/frames/demo-cpu.json\` (the demo's CPU profile as a real server merged it, 881 rows).
Synthetic frames reach both sides through the JSON wire format, as a backend's answer does.
Host warm is a page where Grafana's unit index is already built, as it is before any
panel mounts inside Grafana (its time picker and other panels format through it); cold
is a bare page, where the first formatted value also pays for building it (measured up to
10,000 nodes: a fixed cost, it matters where the rest is small).
Time to first paint is from mounting the panel to the second animation frame after
the first frame is drawn. Focus is a click on the widest child of the root until it
is painted as the focus (for @grafana/flamegraph: its context menu's "Focus block"),
to the second animation frame after the click's update is in the page.
The resize storm is 100 width changes in 2 s; the column is the longest main-thread
task seen (– when none passed 50 ms). Heap is the page's JS heap after a forced GC.

${panelTable(panelResults)}

## Bundle

${bundleTable(bundles)}
`;

await mkdir(path.join(benchDir, 'results'), { recursive: true });
await writeFile(path.join(benchDir, 'results', 'latest.md'), report);
console.log(`\n${report}`);
