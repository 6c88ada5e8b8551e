import { dataFrameFromJSON, DataFrame, getDefaultTimeRange, LoadingState, PanelProps } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { render, screen } from '@testing-library/react';
import fs from 'fs';
import path from 'path';
import React from 'react';
import { FlameGraphPanel } from '../FlameGraphPanel';
import { defaultOptions, FlameGraphOptions } from '../types';
import { installSvgTransformPolyfill } from './svgTransformPolyfill';

installSvgTransformPolyfill();

/** Clears the panel's URL state between tests. */
export function resetUrl() {
  const cleared: Record<string, null> = {};
  for (const key of Object.keys(locationService.getSearchObject()).filter((k) => k.startsWith('flame'))) {
    cleared[key] = null;
  }
  locationService.partial(cleared, true);
}

export const WIDTH = 816; // the graph draws 800 px wide (16 px kept for a scrollbar)

export function renderPanel(series: DataFrame[], options: Partial<FlameGraphOptions> = {}, id = 1) {
  const timeRange = getDefaultTimeRange();
  const props = {
    id,
    data: { series, state: LoadingState.Done, timeRange },
    timeRange,
    timeZone: 'utc',
    options: { ...defaultOptions, ...options },
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    width: WIDTH,
    height: 400,
    renderCounter: 0,
    title: 'Flame graph',
    eventBus: { publish: jest.fn() },
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    replaceVariables: (v: string) => v,
    onChangeTimeRange: jest.fn(),
  } as unknown as PanelProps<FlameGraphOptions>;
  return { ...render(<FlameGraphPanel {...props} />), props };
}

/**
 * The widest labelled (SVG) frame per name, in px, once the panel has mounted what
 * it defers past its first paint: the SVG and the toolbar, each on its own timer.
 */
export async function drawnWidths(): Promise<Map<string, number>> {
  const svg = await screen.findByTestId('embers-flamegraph-svg');
  await screen.findByTestId('embers-total');
  const widths = new Map<string, number>();
  svg.querySelectorAll('g.frame').forEach((g) => {
    const name = g.getAttribute('name') ?? '';
    widths.set(name, Math.max(widths.get(name) ?? 0, Number(g.getAttribute('width'))));
  });
  return widths;
}

/**
 * Client coordinates of a point of the graph `x` px from its left edge, in the
 * middle of depth `depth` (root at the bottom). The test DOM lays nothing out, so
 * the graph's layer sits at 0,0 and is `height` px tall (the panel's body height).
 */
export function graphPoint(x: number, depth: number, height = 360, cell = 20) {
  return { clientX: x, clientY: height - (depth + 1) * cell + cell / 2 };
}

/** Where a labelled frame is: its centre, from the position d3-flame-graph gave it. */
export function frameCentre(g: Element) {
  const [, x, y] = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '') ?? [];
  return { clientX: Number(x) + Number(g.getAttribute('width')) / 2, clientY: Number(y) + 10 };
}

export function golden(name: string): DataFrame {
  const file = path.resolve(__dirname, '../../../testdata/frames', `${name}.json`);
  return dataFrameFromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
}
