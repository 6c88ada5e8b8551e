// Grafana's compatibility check: @grafana/levitate compares what each plugin module
// uses from @grafana/data, ui and runtime (the packages Grafana shares with plugins
// at run time) between the versions we build against and the Grafana versions we
// claim to run on: the lowest our grafanaDependency allows and the latest 13.x.
// Needs the npm registry (levitate fetches both versions' type definitions).
//   cd compat && npm ci && node --test compat.test.mjs
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const compatDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(compatDir);
const levitate = path.join(compatDir, 'node_modules', '@grafana', 'levitate', 'dist', 'bin.js');
const SHARED = ['@grafana/data', '@grafana/ui', '@grafana/runtime'];
const MODULES = ['src/module.tsx', 'src/datasource/module.ts', 'src/panel/module.ts'];

const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
const byVersion = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/** The lowest Grafana the plugin.json files allow: ">=12.4.0" → "12.4.0". */
function lowestSupported() {
  const range = JSON.parse(readFileSync(path.join(root, 'src', 'plugin.json'), 'utf8')).dependencies.grafanaDependency;
  const m = /^>=(\d+\.\d+\.\d+)$/.exec(range);
  assert.ok(m, `grafanaDependency ${range} is not of the form >=x.y.z`);
  return m[1];
}

/** The newest stable 13.x of @grafana/data on the registry. */
async function latest13() {
  const { stdout } = await run('npm', ['view', '@grafana/data', 'versions', '--json'], { cwd: compatDir });
  const stable = JSON.parse(stdout).filter((v) => /^13\.\d+\.\d+$/.test(v));
  assert.ok(stable.length > 0, 'the registry lists no @grafana/data 13.x');
  return stable.sort(byVersion).at(-1);
}

async function isCompatible(modulePath, version) {
  const target = SHARED.map((name) => `${name}@${version}`).join(',');
  const result = await run(process.execPath, [levitate, 'is-compatible', '--path', modulePath, '--target', target], {
    cwd: compatDir,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: plain(stdout + stderr) }),
    (err) => ({ code: err.code ?? 1, output: plain(`${err.stdout ?? ''}${err.stderr ?? ''}`) })
  );
  return result;
}

describe('levitate is-compatible', async () => {
  const versions = [lowestSupported(), await latest13()];
  for (const version of versions) {
    for (const module of MODULES) {
      it(`${module} runs on Grafana ${version}`, async () => {
        const { code, output } = await isCompatible(path.join(root, module), version);
        // levitate only logs a package it could not fetch or compare, and skips one it
        // cannot find installed: either would make a pass mean nothing.
        assert.doesNotMatch(output, /Could not process the package|Skipping package/, output);
        for (const name of SHARED) {
          assert.match(output, new RegExp(`Checking compatibility between .* and ${name}@${version}`), output);
        }
        assert.equal(code, 0, `levitate reports incompatibilities:\n${output}`);
        assert.match(output, /appears to be compatible with/, output);
        console.log(`${module} vs @grafana/* ${version}: compatible`);
      });
    }
  }
});
