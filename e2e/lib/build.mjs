// Bundles every harness page (e2e/pages/<name>.tsx) for the browser with esbuild and
// writes <name>.html beside it. React, @grafana/* and d3-flame-graph are bundled in.
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
  await build({
    entryPoints: Object.fromEntries(pages.map((name) => [name, path.join(pagesDir, `${name}.tsx`)])),
    outdir: outDir,
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'chrome120',
    sourcemap: 'linked',
    minify: false,
    logLevel: 'warning',
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
  });
  for (const name of pages) {
    await writeFile(path.join(outDir, `${name}.html`), pageHtml(name));
  }
  return pages;
}

function pageHtml(name) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${name}</title>
<link rel="stylesheet" href="./${name}.css" onerror="this.remove()">
<script>
  // @grafana/runtime reads its config from the boot data Grafana's index page sets.
  window.grafanaBootData = { settings: { buildInfo: { version: '12.4.10' } }, user: { theme: 'dark' }, navTree: [] };
</script>
<style>html, body { margin: 0; padding: 0; } #root { padding: 8px; }</style>
</head>
<body>
<div id="root"></div>
<script type="module" src="./${name}.js"></script>
</body>
</html>
`;
}
