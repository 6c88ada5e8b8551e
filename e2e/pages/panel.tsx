// Harness for the flame graph panel: mounts the real panel component with Grafana
// PanelProps, a frame chosen by URL (see lib/loadFrame.ts) and options from the URL
// (see lib/panelOptions.ts), e.g. panel.html?frame=workload-cpu&mode=icicle.
import { DataFrame, PanelProps } from '@grafana/data';
import React, { useState } from 'react';
import * as panelComponent from '../../src/panel/FlameGraphPanel';
import { defaultOptions } from '../../src/panel/types';
import { loadFrame } from './lib/loadFrame';
import { mount, showFatal } from './lib/mount';
import { optionsFromUrl } from './lib/panelOptions';
import { panelProps } from './lib/panelProps';

type AnyPanel = React.ComponentType<PanelProps<Record<string, unknown>>>;
const exported = panelComponent as unknown as Record<string, AnyPanel | undefined>;
const FlameGraphPanel = (exported.FlameGraphPanel ?? exported.default)!;

const params = new URLSearchParams(window.location.search);
const width = Number(params.get('width') ?? 1200);
const height = Number(params.get('height') ?? 600);
// As Explore's PanelRenderer: options never change, whatever the panel asks.
const optionsFixed = params.get('noop') === '1';

function Harness({ series, initialOptions }: { series: DataFrame[]; initialOptions: Record<string, unknown> }) {
  const [options, setOptions] = useState(initialOptions);
  (window as unknown as { __harness: unknown }).__harness = { options, setOptions };
  return (
    <div style={{ width, height, position: 'relative' }} data-testid="harness-panel">
      <FlameGraphPanel {...panelProps(series, options, { width, height }, optionsFixed ? () => {} : setOptions)} />
    </div>
  );
}

async function main() {
  const started = performance.now();
  const series = await loadFrame(params);
  // The panel editor's defaults (Grafana fills them in before the panel sees its options).
  const defaults = { ...defaultOptions } as unknown as Record<string, unknown>;
  mount(<Harness series={series} initialOptions={optionsFromUrl(params, defaults)} />);
  (window as unknown as { __loadMs: number }).__loadMs = performance.now() - started;
}

main().catch((err: Error) => showFatal(`the panel harness could not start: ${err.message}`));
