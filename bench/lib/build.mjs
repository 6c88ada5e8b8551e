// Bundles the two benchmark pages with the e2e harness's esbuild settings. Each side
// gets one React: ours the plugin's (root node_modules), theirs bench/'s own, where
// @grafana/flamegraph and its @grafana 13 packages live apart from the plugin's.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { buildPage, pageHtml } from '../../e2e/lib/build.mjs';

/**
 * Resolves every import matching `filter` (subpaths too) from `dir`'s node_modules, so
 * a page and the code it mounts share one copy of each package.
 */
function packagesFrom(dir, filter) {
  return {
    name: 'one-copy',
    setup(build) {
      build.onResolve({ filter }, (args) =>
        args.pluginData === 'one-copy'
          ? undefined
          : build.resolve(args.path, { resolveDir: dir, kind: args.kind, pluginData: 'one-copy' })
      );
    },
  };
}

/**
 * @grafana/ui 13's ES build imports react-custom-scrollbars-2 (CommonJS) by default
 * from an .mjs file, which gives the module object, not the component; hand it the
 * component, as webpack does inside Grafana.
 */
const scrollbarsDefault = {
  name: 'scrollbars-default',
  setup(build) {
    build.onResolve({ filter: /^react-custom-scrollbars-2$/ }, (args) =>
      args.pluginData === 'scrollbars'
        ? undefined
        : { path: args.path, namespace: 'scrollbars', pluginData: args.resolveDir }
    );
    build.onLoad({ filter: /.*/, namespace: 'scrollbars' }, (args) => ({
      contents: "export { Scrollbars as default, Scrollbars } from 'react-custom-scrollbars-2';",
      resolveDir: args.pluginData,
      pluginData: 'scrollbars',
    }));
  },
};

export async function buildBenchPages({ benchDir, repoRoot, outDir }) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const sides = {
    // Ours takes @grafana/* from the plugin's node_modules too: the page's theme and
    // host warm-up must reach the very copies the panel imports.
    ours: { plugins: [packagesFrom(repoRoot, /^(react(-dom)?|@grafana\/[^/]+)(\/.*)?$/)] },
    // The "module" condition makes react-virtualized-auto-sizer (its table) resolve to
    // its ES build; its "import" build hands esbuild a default export it can't unwrap.
    theirs: { plugins: [packagesFrom(benchDir, /^react(-dom)?(\/.*)?$/), scrollbarsDefault], conditions: ['module'] },
  };
  for (const [name, options] of Object.entries(sides)) {
    await buildPage(path.join(benchDir, 'pages', `${name}.tsx`), outDir, options);
    await writeFile(path.join(outDir, `${name}.html`), pageHtml(name));
  }
}
