// Browser-test runner: bundle the harness pages, serve them with the golden frames,
// then run every spec in e2e/specs with node's test runner against that server.
//   npm run e2e                      all specs
//   npm run e2e -- panel             only specs whose file name contains "panel"
//   E2E_SCREENSHOTS=1 npm run e2e    also write the docs/img screenshots
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages } from './lib/build.mjs';
import { startServer } from './lib/server.mjs';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(e2eDir);
const outDir = path.join(e2eDir, '.build');
const filter = process.argv[2];

const started = Date.now();
const { pages, failed } = await buildPages({ e2eDir, outDir }).catch((err) => {
  console.error(`could not bundle the harness pages: ${err.message}`);
  process.exit(1);
});
console.log(`built ${pages.length} harness page(s) in ${Date.now() - started} ms: ${pages.join(', ')}`);
if (failed.length > 0) {
  console.log(`these pages did not build and their specs will fail: ${failed.join(', ')}`);
}

const server = await startServer({
  '/': outDir,
  '/testdata/': path.join(repoRoot, 'testdata'),
  '/fixtures/': path.join(e2eDir, 'fixtures'),
  // The built plugin, loaded by the built-plugins page as Grafana loads it.
  '/dist/': path.join(repoRoot, 'dist'),
  // Grafana serves @grafana/ui's icons from here; the package ships them.
  '/public/build/img/': path.join(repoRoot, 'node_modules', '@grafana', 'ui', 'dist', 'public', 'img'),
});
console.log(`serving the harness at ${server.url}`);

const specsDir = path.join(e2eDir, 'specs');
const specs = (await readdir(specsDir))
  .filter((f) => f.endsWith('.test.mjs') && (!filter || f.includes(filter)))
  .sort()
  .map((f) => path.join(specsDir, f));
if (specs.length === 0) {
  console.error(`no specs match ${filter ?? '*'} in ${specsDir}`);
  process.exit(1);
}

// Specs share two cores with everything else: run them one file at a time.
const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=tap', ...specs], {
  stdio: 'inherit',
  env: { ...process.env, E2E_BASE_URL: server.url, E2E_REPO_ROOT: repoRoot },
});
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await server.close();
process.exit(code);
