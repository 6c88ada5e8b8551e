// Checks that dist/ has the shape Grafana loads: one app plugin whose includes
// point at the nested datasource and panel, each with its module, logos and
// (for the datasource) the backend binaries its plugin.json names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const readJson = (p) => JSON.parse(readFileSync(join(dist, p), 'utf8'));

const app = readJson('plugin.json');
const nested = {
  datasource: { dir: 'datasource', id: 'embers-pyroscope-datasource' },
  panel: { dir: 'panel', id: 'embers-flamegraph-panel' },
};

function assertPluginBasics(dir, pluginJson) {
  assert.ok(existsSync(join(dist, dir, 'module.js')), `${dir || '.'}/module.js is missing`);
  assert.match(pluginJson.dependencies?.grafanaDependency ?? '', /^>=\d+\.\d+\.\d+/, `${pluginJson.id}: grafanaDependency`);
  assert.doesNotMatch(pluginJson.info.version, /%/, `${pluginJson.id}: version placeholder not replaced`);
  for (const logo of new Set([pluginJson.info.logos.small, pluginJson.info.logos.large])) {
    assert.ok(existsSync(join(dist, dir, logo)), `${pluginJson.id}: logo ${dir}/${logo} is missing`);
  }
}

test('the app plugin includes the datasource and the panel', () => {
  assert.equal(app.id, 'embers-profiling-app');
  assert.equal(app.type, 'app');
  assertPluginBasics('', app);
  for (const [type, want] of Object.entries(nested)) {
    const include = app.includes.find((i) => i.type === type);
    assert.ok(include, `app includes no ${type}`);
    assert.equal(include.path, `${want.dir}/plugin.json`);
    const pluginJson = readJson(include.path);
    assert.equal(pluginJson.id, want.id);
    assert.equal(pluginJson.type, type);
    assertPluginBasics(want.dir, pluginJson);
  }
});

test('every bundled dashboard the app lists is in dist', () => {
  for (const include of app.includes.filter((i) => i.type === 'dashboard')) {
    const dashboard = readJson(include.path);
    assert.ok(dashboard.title, `${include.path} has no title`);
  }
});

test('the datasource backend binaries match its plugin.json executable', () => {
  const ds = readJson('datasource/plugin.json');
  assert.equal(ds.backend, true);
  assert.equal(ds.alerting, true);
  assert.equal(ds.executable, 'gpx_embers');
  for (const arch of ['amd64', 'arm64']) {
    const bin = join(dist, 'datasource', `${ds.executable}_linux_${arch}`);
    assert.ok(existsSync(bin), `missing backend binary datasource/${ds.executable}_linux_${arch}`);
    assert.ok(statSync(bin).mode & 0o111, `${bin} is not executable`);
  }
});
