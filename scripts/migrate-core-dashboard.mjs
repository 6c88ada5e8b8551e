#!/usr/bin/env node
// Moves a dashboard's JSON from Grafana's core Pyroscope datasource
// (grafana-pyroscope-datasource) to Embers (embers-pyroscope-datasource).
// The queries themselves stay as they are: Embers reads the core query JSON.
//
//   node scripts/migrate-core-dashboard.mjs dashboard.json [--uid <embers uid>] [--panel] [--out new.json]
//
// --uid    the uid of the Embers data source, for references that name the core
//          data source's uid directly (variables such as ${datasource} are kept)
// --panel  draw flame graph panels with Embers' panel instead of the built-in one
// Without --out the new JSON goes to stdout; what changed goes to stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CORE_TYPE = 'grafana-pyroscope-datasource';
export const EMBERS_TYPE = 'embers-pyroscope-datasource';
export const EMBERS_NAME = 'Embers Pyroscope';
const CORE_PANEL = 'flamegraph';
const EMBERS_PANEL = 'embers-flamegraph-panel';

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVariable = (uid) => typeof uid === 'string' && uid.includes('$');

/**
 * Returns a migrated copy of the dashboard and a list of what changed. The
 * input is not modified.
 */
export function migrateDashboard(dashboard, { uid, panel = false } = {}) {
  const changes = [];
  const note = (path, text) => changes.push(`${path || '(dashboard)'}: ${text}`);

  function visit(node, path) {
    if (Array.isArray(node)) {
      return node.map((v, i) => visit(v, `${path}[${i}]`));
    }
    if (!isObject(node)) {
      return node;
    }
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = visit(v, path ? `${path}.${k}` : k);
    }
    // A datasource reference: {type, uid}.
    if (out.type === CORE_TYPE && !('pluginId' in out) && !('id' in out && 'version' in out)) {
      out.type = EMBERS_TYPE;
      if (uid && typeof out.uid === 'string' && !isVariable(out.uid)) {
        note(path, `data source uid ${out.uid} -> ${uid}`);
        out.uid = uid;
      }
      note(path, `data source type -> ${EMBERS_TYPE}`);
    }
    // A data source variable that lists data sources of the core type.
    if (out.type === 'datasource' && out.query === CORE_TYPE) {
      out.query = EMBERS_TYPE;
      note(path, `data source variable lists ${EMBERS_TYPE}`);
      if (uid) {
        // The saved choice is a core data source, which the variable no longer lists.
        out.current = { text: uid, value: uid };
        note(path, `data source variable selects ${uid}`);
      }
    }
    // Export inputs (__inputs) and requirements (__requires).
    if (out.pluginId === CORE_TYPE) {
      out.pluginId = EMBERS_TYPE;
      out.pluginName = EMBERS_NAME;
      note(path, `input plugin -> ${EMBERS_TYPE}`);
    }
    if (out.type === 'datasource' && out.id === CORE_TYPE) {
      out.id = EMBERS_TYPE;
      out.name = EMBERS_NAME;
      note(path, `requires ${EMBERS_TYPE}`);
    }
    if (panel && out.type === CORE_PANEL && ('targets' in out || 'gridPos' in out || 'datasource' in out)) {
      out.type = EMBERS_PANEL;
      note(path, `panel -> ${EMBERS_PANEL}`);
    }
    if (panel && out.type === 'panel' && out.id === CORE_PANEL) {
      out.id = EMBERS_PANEL;
      out.name = 'Embers flame graph';
      note(path, `requires ${EMBERS_PANEL}`);
    }
    return out;
  }

  return { dashboard: visit(dashboard, ''), changes };
}

function parseArgs(argv) {
  const opts = { panel: false };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--panel') {
      opts.panel = true;
    } else if (a === '--uid' || a === '--out') {
      if (!argv[i + 1]) {
        throw new Error(`${a} needs a value`);
      }
      opts[a.slice(2)] = argv[++i];
    } else if (a.startsWith('--')) {
      throw new Error(`unknown option ${a}`);
    } else {
      rest.push(a);
    }
  }
  if (rest.length !== 1) {
    throw new Error('give one dashboard JSON file (use - for stdin)');
  }
  return { ...opts, file: rest[0] };
}

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(
      `${err.message}\nusage: node scripts/migrate-core-dashboard.mjs dashboard.json [--uid <embers uid>] [--panel] [--out new.json]`
    );
    process.exit(2);
  }
  let dashboard;
  try {
    dashboard = JSON.parse(readFileSync(opts.file === '-' ? 0 : opts.file, 'utf8'));
  } catch (err) {
    console.error(`${opts.file} could not be read as JSON: ${err.message}`);
    process.exit(1);
  }
  const { dashboard: migrated, changes } = migrateDashboard(dashboard, opts);
  const text = JSON.stringify(migrated, null, 2) + '\n';
  if (opts.out) {
    writeFileSync(opts.out, text);
  } else {
    process.stdout.write(text);
  }
  console.error(changes.length ? changes.join('\n') : `nothing refers to ${CORE_TYPE}: the dashboard is unchanged`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main();
}
