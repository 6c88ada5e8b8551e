// Grafana's own flame graph (@grafana/flamegraph, canvas) on the same synthetic frame.
import { createTheme } from '@grafana/data';
import { FlameGraph } from '@grafana/flamegraph';
import React from 'react';
import { createRoot } from 'react-dom/client';

import { realisticFrame } from '../../e2e/pages/lib/realisticFrame';
import { benchParams, paintedAfter } from './timing';

const theme = createTheme({ colors: { mode: 'dark' } });
const { nodes, seed } = benchParams();
// Its context menu (and so "Focus block") only exists beside the table; paint is timed
// on the graph alone, like ours, and focus on a second load with the table.
const withMenu = new URLSearchParams(window.location.search).get('focus') === '1';
const frame = realisticFrame(nodes, seed);
const canvas = () => document.querySelector<HTMLCanvasElement>('[data-testid="flameGraph"]');

async function main() {
  const start = performance.now();
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
  window.__bench = { nodes, paintMs: painted - start };
  // Focus: click the widest depth-1 bar, then "Focus block" in its context menu.
  window.__benchFocus = async () => {
    const box = canvas()!.getBoundingClientRect();
    const x = box.left + widestChildCentre(box.width);
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

/** x of the centre of the widest child of the root, in pixels of a `width` wide graph. */
function widestChildCentre(width: number) {
  const level = frame.fields[0].values;
  const value = frame.fields[1].values;
  let x = 0;
  let best = { x: 0, w: 0 };
  for (let i = 1; i < frame.length; i++) {
    if (level[i] === 1) {
      if (value[i] > best.w) {
        best = { x, w: value[i] };
      }
      x += value[i];
    }
  }
  return ((best.x + best.w / 2) / value[0]) * width;
}

main().catch((err: Error) => (window.__bench = { nodes, paintMs: NaN, error: err.message }));
