// The dashboard move from the core Pyroscope datasource, on a dashboard shaped
// like the ones the core datasource saves (testdata/dashboards/core-pyroscope.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { CORE_TYPE, EMBERS_TYPE, migrateDashboard } from './migrate-core-dashboard.mjs';

const script = fileURLToPath(new URL('./migrate-core-dashboard.mjs', import.meta.url));
const fixture = fileURLToPath(new URL('../testdata/dashboards/core-pyroscope.json', import.meta.url));
const core = JSON.parse(readFileSync(fixture, 'utf8'));

const allPanels = (d) => d.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
const byTitle = (d, title) => allPanels(d).find((p) => p.title === title);

test('every reference to the core datasource now names Embers', () => {
  const { dashboard } = migrateDashboard(core, { uid: 'embers' });
  assert.doesNotMatch(JSON.stringify(dashboard), new RegExp(CORE_TYPE));
  assert.deepEqual(byTitle(dashboard, 'CPU by region').targets[0].datasource, {
    type: EMBERS_TYPE,
    uid: '${datasource}',
  });
  assert.deepEqual(byTitle(dashboard, 'Where the CPU goes').datasource, { type: EMBERS_TYPE, uid: 'embers' });
  assert.equal(byTitle(dashboard, 'In-use memory and its flame graph').targets[0].datasource.uid, '${DS_PYROSCOPE}');
  const dsVar = dashboard.templating.list.find((v) => v.type === 'datasource');
  assert.equal(dsVar.query, EMBERS_TYPE);
  assert.equal(dsVar.current.value, 'embers');
  assert.equal(dashboard.__inputs[0].pluginId, EMBERS_TYPE);
  assert.equal(dashboard.__requires[0].id, EMBERS_TYPE);
});

test('queries, variables and other data sources stay as they were', () => {
  const { dashboard } = migrateDashboard(core, { uid: 'embers' });
  const { datasource: _a, ...before } = byTitle(core, 'CPU by region').targets[0];
  const { datasource: _b, ...after } = byTitle(dashboard, 'CPU by region').targets[0];
  assert.deepEqual(after, before);
  assert.deepEqual(
    dashboard.templating.list.map((v) => v.query),
    [EMBERS_TYPE, ...core.templating.list.slice(1).map((v) => v.query)]
  );
  assert.deepEqual(byTitle(dashboard, 'Not a profile panel'), byTitle(core, 'Not a profile panel'));
  assert.equal(
    byTitle(dashboard, 'Where the CPU goes').type,
    'flamegraph',
    'the built-in panel is kept unless --panel'
  );
  assert.equal(JSON.stringify(core).includes(EMBERS_TYPE), false, 'the input is not modified');
});

test('without --uid a fixed core uid is left for the user to choose', () => {
  const { dashboard } = migrateDashboard(core);
  assert.equal(byTitle(dashboard, 'Where the CPU goes').datasource.uid, 'P02E4190217B50628');
});

test('--panel moves flame graph panels to the Embers panel', () => {
  const { dashboard } = migrateDashboard(core, { panel: true });
  assert.equal(byTitle(dashboard, 'Where the CPU goes').type, 'embers-flamegraph-panel');
  assert.equal(byTitle(dashboard, 'CPU by region').type, 'timeseries');
  assert.ok(dashboard.__requires.some((r) => r.id === 'embers-flamegraph-panel'));
});

test('the command line writes the dashboard to stdout and says what changed', () => {
  const run = spawnSync(process.execPath, [script, fixture, '--uid', 'embers'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).panels[1].datasource.uid, 'embers');
  assert.match(run.stderr, /panels\[1\]\.datasource: data source uid P02E4190217B50628 -> embers/);
  const again = execFileSync(process.execPath, [script, '-'], {
    input: run.stdout,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  assert.deepEqual(JSON.parse(again), JSON.parse(run.stdout), 'running it twice changes nothing more');
});

test('bad input is a clear error, not a stack', () => {
  const missing = spawnSync(process.execPath, [script, 'no-such-dashboard.json'], { encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^no-such-dashboard\.json could not be read as JSON/);
  const usage = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /give one dashboard JSON file/);
});
