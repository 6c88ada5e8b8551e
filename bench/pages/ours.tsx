// Our panel (React + d3-flame-graph, pruned to what is visible) on the same synthetic frame.
import { createTheme, ThemeContext } from '@grafana/data';
import React from 'react';
import { createRoot } from 'react-dom/client';

import { panelProps } from '../../e2e/pages/lib/panelProps';
import { realisticFrame } from '../../e2e/pages/lib/realisticFrame';
import { FlameGraphPanel } from '../../src/panel/FlameGraphPanel';
import { defaultOptions } from '../../src/panel/types';
import { benchParams, paintedAfter } from './timing';

const theme = createTheme({ colors: { mode: 'dark' } });
const { nodes, seed } = benchParams();
const frame = realisticFrame(nodes, seed);
const frames = () =>
  Array.from(document.querySelectorAll<SVGGElement>('[data-testid="embers-flamegraph-svg"] g.frame'));

async function main() {
  const start = performance.now();
  createRoot(document.getElementById('root')!).render(
    <ThemeContext.Provider value={theme}>
      <div style={{ width: 1200, height: 600 }}>
        <FlameGraphPanel {...panelProps([frame], defaultOptions, { width: 1200, height: 600 })} />
      </div>
    </ThemeContext.Provider>
  );
  const painted = await paintedAfter(() => frames().length > 0);
  window.__bench = { nodes, paintMs: painted - start };
  // Focus: click the widest depth-1 frame and wait until it spans the graph.
  window.__benchFocus = async () => {
    const svgWidth = document.querySelector('[data-testid="embers-flamegraph-svg"]')!.getBoundingClientRect().width;
    const rootY = frames()[0].getBoundingClientRect().y;
    const widest = frames()
      .filter((g) => Math.abs(g.getBoundingClientRect().y - rootY) > 1)
      .sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0];
    const name = widest.getAttribute('name');
    const t0 = performance.now();
    widest.querySelector('rect')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await paintedAfter(() =>
      frames().some((g) => g.getAttribute('name') === name && g.getBoundingClientRect().width >= svgWidth - 2)
    );
    return performance.now() - t0;
  };
}

main().catch((err: Error) => (window.__bench = { nodes, paintMs: NaN, error: err.message }));
