// Grafana's own flame graph (@grafana/flamegraph, canvas) on the same frames as ours.
import { createTheme, getValueFormat } from '@grafana/data';
import { FlameGraph } from '@grafana/flamegraph';
import React from 'react';
import { createRoot } from 'react-dom/client';

import { benchFrame } from './shapes';
import { benchParams, mountStart, warmHost, reportResult, paintedAfter, widestRootChild } from './timing';

const theme = createTheme({ colors: { mode: 'dark' } });
const { nodes, params } = benchParams();
// Its context menu (and so "Focus block") only exists beside the table; paint is timed
// on the graph alone, like ours, and focus on a second load with the table.
const withMenu = new URLSearchParams(window.location.search).get('focus') === '1';
const canvas = () => document.querySelector<HTMLCanvasElement>('[data-testid="flameGraph"]');

async function main() {
  const frame = await benchFrame(params);
  warmHost(params, getValueFormat);
  const start = mountStart();
  createRoot(document.getElementById('root')!).render(
    <div style={{ width: 1200, height: 600 }}>
      <FlameGraph
        data={frame as never}
        getTheme={() => theme as never}
        showFlameGraphOnly={!withMenu}
        showAnalyzeWithAssistant={false}
      />
    </div>
  );
  const painted = await paintedAfter(() => (canvas()?.height ?? 0) > 0);
  reportResult({ nodes, paintMs: painted - start });
  // Focus: click the widest depth-1 bar, then "Focus block" in its context menu.
  window.__benchFocus = async () => {
    const box = canvas()!.getBoundingClientRect();
    const x = box.left + widestRootChild(frame).centre * box.width;
    const y = box.top + 22 * 1.5;
    canvas()!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
    await paintedAfter(() => Boolean(findFocusItem()));
    const t0 = performance.now();
    findFocusItem()!.click();
    await paintedAfter(() => !findFocusItem());
    return performance.now() - t0;
  };
}

function findFocusItem() {
  // The menu is rendered in a portal, outside the canvas' container.
  return Array.from(document.querySelectorAll<HTMLElement>('[role="menuitem"]')).find((el) =>
    el.textContent?.includes('Focus block')
  );
}

main().catch((err: Error) => reportResult({ nodes, paintMs: NaN, error: err.message }));
