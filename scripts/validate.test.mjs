// Checks the release zip for what Grafana's plugin validator checks without a
// network: the archive layout, every plugin.json (ids, version, paths), one backend
// per OS and architecture, README links, LICENSE placeholders, screenshots, source
// maps, and no files that should not ship.
//   node --test scripts/validate.test.mjs     (make validate packages first)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { binaryFormat } from './binaryFormat.mjs';
import { backendBinaries, releaseFiles } from './release.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const files = releaseFiles(root);
const NESTED = [
  { type: 'datasource', dir: 'datasource', id: 'embers-pyroscope-datasource' },
  { type: 'panel', dir: 'panel', id: 'embers-flamegraph-panel' },
];
// What a plugin folder may hold: bundles and their maps, metadata, docs, images,
// the backends and the SDK's build manifest.
const SHIPPABLE =
  /(\.(js|js\.map|json|md|svg|png|jpe?g|gif|webp|exe)|\/LICENSE|\/go_plugin_build_manifest|\/gpx_embers_(linux|darwin)_(amd64|arm64))$/;
const NEVER_SHIPPED =
  /(^|\/)(node_modules|\.git|__MACOSX|\.DS_Store|src|e2e|testdata|coverage)(\/|$)|\.(tsx?|go|test\.js|spec\.js|log|env)$/;

let unpacked;
let plugin;
let entries;

/** Every file and folder in the zip, as stored (forward slashes, folders end with /). */
function listZip(zip) {
  return execFileSync('zipinfo', ['-1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

const readJson = (p) => JSON.parse(readFileSync(path.join(plugin, p), 'utf8'));
const pluginJsons = () => [
  { dir: '', json: readJson('plugin.json') },
  ...NESTED.map((n) => ({ dir: n.dir, json: readJson(`${n.dir}/plugin.json`) })),
];

before(() => {
  assert.ok(existsSync(files.zipPath), `${path.relative(root, files.zipPath)} is missing: run make package`);
  entries = listZip(files.zipPath);
  unpacked = mkdtempSync(path.join(os.tmpdir(), 'embers-release-'));
  execFileSync('unzip', ['-q', files.zipPath, '-d', unpacked]);
  plugin = path.join(unpacked, files.appId);
});

after(() => {
  if (unpacked) {
    rmSync(unpacked, { recursive: true, force: true });
  }
});

describe('the archive', () => {
  it('has one top folder named after the app id', () => {
    const tops = new Set(entries.map((e) => e.split('/')[0]));
    assert.deepEqual([...tops], [files.appId]);
    assert.ok(existsSync(path.join(plugin, 'plugin.json')), `${files.appId}/plugin.json is missing`);
  });

  it('matches its .sha256 file', () => {
    const [sum, name] = readFileSync(files.shaPath, 'utf8').trim().split(/\s+/);
    assert.equal(name, path.basename(files.zipPath));
    assert.equal(sum, createHash('sha256').update(readFileSync(files.zipPath)).digest('hex'));
  });

  it('holds no links and no files that should not ship', () => {
    const unexpected = [];
    const walk = (dir) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        const rel = path.relative(unpacked, full).split(path.sep).join('/');
        const info = lstatSync(full);
        assert.ok(!info.isSymbolicLink(), `${rel} is a symbolic link`);
        if (info.isDirectory()) {
          walk(full);
        } else if (NEVER_SHIPPED.test(rel) || !SHIPPABLE.test(rel)) {
          unexpected.push(rel);
        }
      }
    };
    walk(unpacked);
    assert.deepEqual(unexpected, []);
  });
});

describe('plugin.json', () => {
  it('names the app and its nested datasource and panel, each at its folder', () => {
    const app = readJson('plugin.json');
    assert.equal(app.id, files.appId);
    assert.equal(app.type, 'app');
    for (const n of NESTED) {
      const include = app.includes.find((i) => i.type === n.type);
      assert.equal(include?.path, `${n.dir}/plugin.json`, `the app's include of the ${n.type}`);
      const nested = readJson(include.path);
      assert.equal(nested.id, n.id);
      assert.equal(nested.type, n.type);
    }
    for (const include of app.includes.filter((i) => i.type === 'dashboard')) {
      assert.ok(existsSync(path.join(plugin, include.path)), `dashboard ${include.path} is missing`);
    }
  });

  it('carries the package version, a release date and one Grafana range in every plugin', () => {
    const ranges = new Set();
    for (const { dir, json } of pluginJsons()) {
      assert.equal(json.info.version, files.version, `${dir || 'app'}: version`);
      assert.match(json.info.updated, /^\d{4}-\d{2}-\d{2}$/, `${dir || 'app'}: updated`);
      assert.match(json.dependencies.grafanaDependency, /^>=\d+\.\d+\.\d+$/, `${dir || 'app'}: grafanaDependency`);
      ranges.add(json.dependencies.grafanaDependency);
    }
    assert.equal(ranges.size, 1, `the plugins ask for different Grafana versions: ${[...ranges].join(', ')}`);
  });

  it('has relative paths to logos and screenshots that exist as images', () => {
    for (const { dir, json } of pluginJsons()) {
      const paths = [json.info.logos.small, json.info.logos.large, ...(json.info.screenshots ?? []).map((s) => s.path)];
      for (const p of paths) {
        assert.doesNotMatch(p, /^(\.?\/|https?:)/, `${dir || 'app'}: ${p} must be relative to the plugin folder`);
        assert.ok(existsSync(path.join(plugin, dir, p)), `${dir || 'app'}: ${p} is missing`);
      }
    }
  });

  it('lists screenshots that are PNG images with names', () => {
    const shots = readJson('plugin.json').info.screenshots ?? [];
    assert.ok(shots.length > 0, 'the app lists no screenshots');
    for (const s of shots) {
      assert.ok(s.name, `${s.path} has no name`);
      const head = readFileSync(path.join(plugin, s.path)).subarray(0, 8);
      assert.equal(head.toString('hex'), '89504e470d0a1a0a', `${s.path} is not a PNG`);
    }
  });
});

describe('the backend', () => {
  const ds = () => readJson('datasource/plugin.json');

  it('is a nested datasource backend that alert rules can use', () => {
    assert.equal(ds().backend, true);
    assert.equal(ds().alerting, true);
    assert.doesNotMatch(ds().executable, /\//, 'the executable sits beside the datasource plugin.json');
  });

  for (const bin of backendBinaries(root)) {
    it(`runs on ${bin.os}/${bin.arch}: ${bin.path}`, () => {
      const file = path.join(plugin, bin.path);
      assert.ok(existsSync(file), `${bin.path} is missing`);
      assert.ok(bin.path.includes(`${ds().executable}_${bin.os}_${bin.arch}`), 'named after plugin.json executable');
      assert.deepEqual(binaryFormat(file), { os: bin.os, arch: bin.arch }, `${bin.path} is built for another platform`);
      if (bin.os !== 'windows') {
        assert.ok(statSync(file).mode & 0o111, `${bin.path} is not executable`);
      }
    });
  }
});

describe('the frontend bundles', () => {
  for (const dir of ['', ...NESTED.map((n) => n.dir)]) {
    const module = path.posix.join(dir, 'module.js');
    it(`${module} ships with its source map`, () => {
      const js = readFileSync(path.join(plugin, module), 'utf8');
      assert.match(js, /^define\(/m, `${module} is not an AMD module`);
      assert.match(js, /\/\/# sourceMappingURL=module\.js\.map\s*$/, `${module} does not point at its map`);
      const map = JSON.parse(readFileSync(path.join(plugin, `${module}.map`), 'utf8'));
      assert.equal(map.version, 3);
      assert.ok(
        map.sources.some((s) => /\.tsx?$/.test(s)),
        `${module}.map holds none of the TypeScript sources`
      );
    });
  }
});

describe('README and LICENSE', () => {
  const readme = () => readFileSync(path.join(plugin, 'README.md'), 'utf8');

  it('README links only to absolute URLs (relative ones break on the plugin page)', () => {
    const text = readme();
    const targets = [
      ...[...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)/g)].map((m) => m[1]),
      ...[...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]),
      ...[...text.matchAll(/<(?:img|a)\b[^>]*\b(?:src|href)=["']([^"']+)/gi)].map((m) => m[1]),
    ];
    assert.ok(targets.length > 0, 'the README links nowhere: where is the documentation?');
    const relative = targets.filter((t) => !/^(https?:\/\/|mailto:)/.test(t));
    assert.deepEqual(relative, []);
  });

  it('README has no template placeholders left', () => {
    assert.doesNotMatch(readme(), /%(VERSION|TODAY|PLUGIN_ID)%/);
    assert.match(readme(), new RegExp(`version ${files.version.replace(/\./g, '\\.')}`));
  });

  it('LICENSE has its copyright line filled in', () => {
    const license = readFileSync(path.join(plugin, 'LICENSE'), 'utf8');
    assert.match(license, /Apache License/);
    assert.doesNotMatch(license, /[[{](yyyy|name of copyright owner)[\]}]/);
    assert.match(license, /^\s*Copyright \d{4} \S.*$/m);
  });

  it('CHANGELOG has an entry for this version', () => {
    const changelog = readFileSync(path.join(plugin, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, new RegExp(`^## \\[${files.version.replace(/\./g, '\\.')}\\]`, 'm'));
  });
});
