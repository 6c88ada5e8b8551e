// The panel comparison table: ours beside @grafana/flamegraph per shape and size, with ratios.
import { formatBytes, formatMs, formatRange, markdownTable } from './stats.mjs';

export function panelTable(results) {
  const keys = [...new Set(results.map((r) => `${r.host}:${r.shape}:${r.nodes}`))];
  const rows = keys.map((key) => {
    const [host, shape, nodes] = key.split(':');
    const find = (side) => results.find((r) => r.host === host && r.shape === shape && String(r.nodes) === nodes && r.side === side);
    const ours = find('ours');
    const theirs = find('theirs');
    const ratio = (a, b) => (a && b ? (a.median / b.median).toFixed(2) : '–');
    return [
      host,
      shape,
      shape === 'real' ? 'golden frame' : Number(nodes).toLocaleString('en-US'),
      ours?.drawn ? `${ours.drawn.median} / ${ours.visible.median}` : '–',
      formatRange(ours?.paintMs, formatMs),
      formatRange(theirs?.paintMs, formatMs),
      ratio(ours?.paintMs, theirs?.paintMs),
      formatRange(ours?.focusMs, formatMs),
      formatRange(theirs?.focusMs, formatMs),
      ratio(ours?.focusMs, theirs?.focusMs),
      ours?.resizeLongestMs ? formatMs(ours.resizeLongestMs.max) : '–',
      formatBytes(ours?.heap.median),
      formatBytes(theirs?.heap.median),
    ];
  });
  return markdownTable(
    [
      'host',
      'shape',
      'nodes',
      'drawn / visible frames, ours',
      'first paint, ours',
      'first paint, @grafana/flamegraph',
      'paint ratio ours/theirs',
      'focus, ours',
      'focus, theirs',
      'focus ratio',
      'resize storm: longest task, ours',
      'JS heap, ours',
      'JS heap, theirs',
    ],
    rows
  );
}
