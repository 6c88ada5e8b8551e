// Size of each module.js the package ships, raw and gzipped.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { formatBytes, markdownTable } from './stats.mjs';

const modules = ['module.js', 'datasource/module.js', 'panel/module.js'];

export function measureBundles(distDir) {
  return modules.map((file) => {
    const path = join(distDir, file);
    if (!existsSync(path)) {
      throw new Error(`${file} is missing from dist/: run \`npm run build\` first`);
    }
    const raw = readFileSync(path);
    return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
}

export function bundleTable(rows) {
  return markdownTable(
    ['module', 'raw', 'gzip'],
    rows.map((r) => [`dist/${r.file}`, formatBytes(r.raw), formatBytes(r.gzip)])
  );
}
