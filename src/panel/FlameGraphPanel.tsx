import { PanelProps } from '@grafana/data';
import React, { useMemo } from 'react';
import { findFlameFrame, readFlameFrame } from '../shared/readFlameFrame';
import { FlameExplorer } from './components/FlameExplorer';
import { useLocalOptions } from './hooks/useLocalOptions';
import { PanelMessage } from './components/PanelMessage';
import { buildFlameIndex } from './model/flameIndex';
import { defaultOptions, FlameGraphOptions } from './types';

type Props = PanelProps<FlameGraphOptions>;

/** Picks the flame graph frame, explains what is wrong when there is none, and shows the graph. */
export function FlameGraphPanel({ id, data, options, onOptionsChange, width, height, title }: Props) {
  const [merged, changeOptions] = useLocalOptions({ ...defaultOptions, ...options }, onOptionsChange);
  const series = data.series;
  const frame = useMemo(() => findFlameFrame(series), [series]);
  const columns = useMemo(() => (frame ? readFlameFrame(frame) : undefined), [frame]);
  const index = useMemo(() => (columns && !('error' in columns) ? buildFlameIndex(columns) : undefined), [columns]);

  if (!frame) {
    const hasRows = series.some((s) => s.length > 0);
    return hasRows ? (
      <PanelMessage
        title="No flame graph in this data"
        detail="This panel needs a flame graph frame with level, value, self and label fields. Use a profile query (type profile, both or diff)."
      />
    ) : (
      <PanelMessage title="No data" detail="The query returned no profile for this time range and selector." />
    );
  }
  if (!columns || 'error' in columns) {
    return <PanelMessage title="Cannot draw this frame" detail={columns?.error} />;
  }
  if (!index || columns.length === 0) {
    return <PanelMessage title="No data" detail="The profile is empty for this time range and selector." />;
  }
  if (index.leftTotal + index.rightTotal <= 0) {
    // The backend explains an empty answer in a notice; prefer its words.
    const notice = frame.meta?.notices?.[0]?.text;
    return (
      <PanelMessage
        title="No samples"
        detail={
          notice ?? "The profile's total is zero, so there is nothing to size the frames by. Try a wider time range."
        }
      />
    );
  }
  return (
    <FlameExplorer
      frame={frame}
      columns={columns}
      index={index}
      options={merged}
      onOptionsChange={changeOptions}
      width={width}
      height={height}
      title={title}
      panelId={id}
    />
  );
}

export default FlameGraphPanel;
