// The shipped files in Chromium: dist/module.js, dist/datasource/module.js and
// dist/panel/module.js loaded as AMD modules with the page as Grafana (its shared
// @grafana/data, ui, runtime, react, react-dom, rxjs and @emotion/css), rendering the
// config editor, the query editor and the panel from the bundles. Needs a build
// (make build or npm run build).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { framesNamed, SVG, waitForSettled } from '../lib/flame.mjs';
import { functionTotals, readFrameFile } from '../lib/frameJson.mjs';
import { openPage, useBrowser } from '../lib/harness.mjs';

const dist = path.join(process.env.E2E_REPO_ROOT ?? process.cwd(), 'dist');
const MODULES = ['module.js', 'datasource/module.js', 'panel/module.js'];
const workload = readFrameFile('workload-cpu');

describe('the built plugin, loaded as Grafana loads it', () => {
  const page = useBrowser({ width: 1300, height: 1400 });

  async function open() {
    for (const m of MODULES) {
      assert.ok(existsSync(path.join(dist, m)), `dist/${m} is missing: build the plugin first (make build)`);
    }
    await page().route('**/public/build/img/icons/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' })
    );
    await openPage(page(), 'built-plugins', {}, `[data-testid="built-panel"] ${SVG} g.frame`);
  }

  it('is built from the current package version and asks Grafana only for shared modules', () => {
    const version = JSON.parse(readFileSync(path.join(dist, '..', 'package.json'), 'utf8')).version;
    for (const m of MODULES) {
      const js = readFileSync(path.join(dist, m), 'utf8');
      assert.match(js, new RegExp(`embers-profiling-app@${version.replace(/\./g, '\\.')}`), `dist/${m} banner`);
    }
  });

  it('renders the config editor from the bundle and keeps what the user types', async () => {
    await open();
    const editor = page().getByTestId('built-config-editor');
    const url = editor.getByPlaceholder(/http/).first();
    assert.equal(await url.inputValue(), 'http://pyroscope:4040');
    await url.fill('pyroscope://nope');
    await editor.getByText('The URL "pyroscope://nope" must start with http:// or https://').waitFor();
    const options = await page().evaluate(() => window.__built.options);
    assert.equal(options.url, 'pyroscope://nope', 'the edit reached onOptionsChange');
    assert.deepEqual(page().errors, []);
  });

  it('renders the query editor from the bundle, fed by the host runtime backend service', async () => {
    await open();
    // A new query gets the first profile type and the first service from the resources.
    await page().waitForFunction(() => window.__built.query.labelSelector === '{service_name="built-service"}');
    const { query, calls } = await page().evaluate(() => window.__built);
    assert.equal(query.profileTypeId, 'process_cpu:cpu:nanoseconds:cpu:nanoseconds');
    assert.ok(
      calls.some((u) => u === '/api/datasources/uid/built-embers/resources/profileTypes'),
      `the editor asked the host for profile types: ${calls.join(', ')}`
    );
    const selector = page().getByTestId('built-query-editor').locator('input[aria-label="Label selector"]');
    assert.equal(await selector.inputValue(), '{service_name="built-service"}');
    assert.deepEqual(page().errors, []);
  });

  it('renders the panel from the bundle: slowFunction is about 4x as wide as fastFunction', async () => {
    await open();
    await waitForSettled(page());
    const [slow] = await framesNamed(page(), 'slowFunction');
    const [fast] = await framesNamed(page(), 'fastFunction');
    assert.ok(slow && fast, 'both functions are drawn');
    const expected =
      functionTotals(workload, 'main.slowFunction').value / functionTotals(workload, 'main.fastFunction').value;
    assert.ok(
      Math.abs(slow.width / fast.width / expected - 1) < 0.01,
      `width ratio ${slow.width / fast.width}, samples ${expected}`
    );
    assert.deepEqual(page().errors, []);
  });
});
