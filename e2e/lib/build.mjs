// Bundles each harness page (e2e/pages/<name>.tsx) for the browser with esbuild and
// writes <name>.html beside it. React, @grafana/* and d3-flame-graph are bundled in.
// Pages build one by one: a page that does not compile gets an HTML page showing the
// compiler's message, so only the specs that use it fail, each with that message.
import { build } from 'esbuild';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function buildPages({ e2eDir, outDir }) {
  const pagesDir = path.join(e2eDir, 'pages');
  const pages = (await readdir(pagesDir)).filter((f) => f.endsWith('.tsx')).map((f) => f.replace(/\.tsx$/, ''));
  if (pages.length === 0) {
    throw new Error(`no harness pages in ${pagesDir}`);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const failed = [];
  for (const name of pages) {
    try {
      await buildPage(path.join(pagesDir, `${name}.tsx`), outDir);
      await writeFile(path.join(outDir, `${name}.html`), pageHtml(name));
    } catch (err) {
      failed.push(name);
      await writeFile(path.join(outDir, `${name}.html`), errorHtml(name, err.message));
    }
  }
  return { pages, failed };
}

/** Bundles one page; `extra` adds esbuild options (the benchmark pages add a resolve plugin). */
export function buildPage(entry, outDir, extra = {}) {
  return build({
    entryPoints: [entry],
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    sourcemap: 'linked',
    logLevel: 'silent',
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
    },
    loader: {
      '.svg': 'dataurl',
      '.png': 'dataurl',
      '.woff': 'dataurl',
      '.woff2': 'dataurl',
      '.ttf': 'dataurl',
      '.eot': 'dataurl',
      '.gif': 'dataurl',
    },
    ...extra,
  });
}

export function pageHtml(name) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${name}</title>
<link rel="stylesheet" href="./${name}.css" onerror="this.remove()">
<script>
  // @grafana/runtime reads its config from the boot data Grafana's index page sets.
  window.grafanaBootData = { settings: { buildInfo: { version: '12.4.10' }, featureToggles: {} }, user: { theme: 'dark' }, navTree: [] };
</script>
<style>
  /* As Grafana's global styles: every box is border-box, on the dark theme's canvas. */
  *, *::before, *::after { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; background: #111217; color: #ccccdc; } #root { padding: 8px; }
</style>
</head>
<body>
<div id="root"></div>
<script type="module" src="./${name}.js"></script>
</body>
</html>
`;
}

function errorHtml(name, message) {
  const escaped = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}: build failed</title></head>
<body><pre data-testid="harness-error">The harness page "${name}" did not build:
${escaped}</pre></body></html>
`;
}
