// Packs dist/ into the archive a Grafana admin installs: build/<app id>-<version>.zip
// with one top folder named after the app id (the layout `grafana cli plugins install`
// and the plugin catalog expect), and build/<zip>.sha256 beside it.
//   node scripts/package.mjs      (make package builds dist/ first)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backendBinaries, releaseFiles } from './release.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const files = releaseFiles(root);

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(dist, 'plugin.json'))) {
  fail('dist/plugin.json is missing: build the plugin first (make package does).');
}
const app = JSON.parse(readFileSync(path.join(dist, 'plugin.json'), 'utf8'));
if (app.id !== files.appId) {
  fail(`dist/plugin.json has id ${app.id}, src/plugin.json has ${files.appId}: dist/ is stale, rebuild it.`);
}
if (app.info.version !== files.version) {
  fail(`dist/plugin.json has version ${app.info.version}, package.json has ${files.version}: rebuild dist/.`);
}
const missing = backendBinaries(root).filter((bin) => !existsSync(path.join(dist, bin.path)));
if (missing.length > 0) {
  fail(`backend binaries missing from dist/: ${missing.map((b) => b.path).join(', ')}`);
}

// Stage dist/ under a folder named after the app id, then zip that folder.
const stage = path.join(root, 'build', 'package');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
cpSync(dist, path.join(stage, files.appId), { recursive: true, dereference: true, preserveTimestamps: true });
rmSync(files.zipPath, { force: true });
try {
  // -X leaves out extra attributes (owner ids); unix permissions stay, so the
  // backends keep their executable bit.
  execFileSync('zip', ['-r', '-X', '-q', files.zipPath, files.appId], { cwd: stage, stdio: 'inherit' });
} catch (err) {
  fail(`zip failed (is the zip command installed?): ${err.message}`);
}
rmSync(stage, { recursive: true, force: true });

const sha = createHash('sha256').update(readFileSync(files.zipPath)).digest('hex');
// The format sha256sum -c reads.
writeFileSync(files.shaPath, `${sha}  ${path.basename(files.zipPath)}\n`);
const bytes = statSync(files.zipPath).size;
console.log(
  `${path.relative(root, files.zipPath)}: ${(bytes / 1024 / 1024).toFixed(1)} MiB (${bytes} bytes), sha256 ${sha}`
);
