// Our panel (React + d3-flame-graph for labelled frames, one canvas for the rest).
import { createTheme, getValueFormat, DataFrame, ThemeContext } from '@grafana/data';
import React, { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';

import { panelProps } from '../../e2e/pages/lib/panelProps';
import { FlameGraphPanel } from '../../src/panel/FlameGraphPanel';
import { defaultOptions } from '../../src/panel/types';
import { benchFrame } from './shapes';
import { benchParams, mountStart, warmHost, reportResult, longestTaskDuring, paintedAfter, resizeStorm, widestRootChild } from './timing';

const theme = createTheme({ colors: { mode: 'dark' } });
const { nodes, params } = benchParams();
const ROOT = '[data-testid="embers-flamegraph"]';
const root = () => document.querySelector<HTMLElement>(ROOT);
/**
 * The panel as a person meets it after the first paint: the SVG and the toolbar mount
 * once that paint is on screen, so focus and resizes are measured after them.
 */
const settled = () =>
  paintedAfter(() => Boolean(document.querySelector('[data-testid="embers-flamegraph-svg"]') && document.querySelector('[data-testid="embers-total"]')));
let setWidth: (width: number) => void = () => {};

function Bench({ frame }: { frame: DataFrame }) {
  const [width, changeWidth] = useState(1200);
  setWidth = changeWidth;
  // As in Grafana, a resize changes the size, not the data.
  const series = useMemo(() => [frame], [frame]);
  return (
    <div style={{ width, height: 600 }}>
      <FlameGraphPanel {...panelProps(series, defaultOptions, { width, height: 600 })} />
    </div>
  );
}

async function main() {
  const frame = await benchFrame(params);
  warmHost(params, getValueFormat);
  const start = mountStart();
  createRoot(document.getElementById('root')!).render(
    <ThemeContext.Provider value={theme}>
      <Bench frame={frame} />
    </ThemeContext.Provider>
  );
  const painted = await paintedAfter(() => Number(root()?.dataset.drawnFrames) > 0);
  reportResult({
    nodes,
    paintMs: painted - start,
    drawn: Number(root()!.dataset.drawnFrames),
    visible: Number(root()!.dataset.visibleFrames),
  });
  window.__benchSettled = settled;
  // Focus: click the widest child of the root and wait until it is the focus, painted.
  window.__benchFocus = async () => {
    // Found before the wait: the frame the click lands in is the panel's alone, as on their side.
    const { name, centre } = widestRootChild(frame);
    await settled();
    const box = root()!.getBoundingClientRect();
    const cell = 20;
    const layer = root()!.querySelector('canvas')!.getBoundingClientRect();
    const x = layer.left + centre * layer.width;
    const y = Math.min(box.bottom, layer.bottom) - cell * 1.5;
    const t0 = performance.now();
    document.elementFromPoint(x, y)!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
    await paintedAfter(() => root()?.dataset.focus === name);
    return performance.now() - t0;
  };
  window.__benchResize = async () => {
    await settled();
    return longestTaskDuring(() => resizeStorm((w) => setWidth(w)));
  };
}

main().catch((err: Error) => reportResult({ nodes, paintMs: NaN, error: err.message }));
