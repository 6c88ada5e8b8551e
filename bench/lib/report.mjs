// The panel comparison table: ours beside @grafana/flamegraph per size, with the ratio.
import { formatBytes, formatMs, formatRange, markdownTable } from './stats.mjs';

export function panelTable(results) {
  const sizes = [...new Set(results.map((r) => r.nodes))];
  const rows = sizes.map((nodes) => {
    const ours = results.find((r) => r.nodes === nodes && r.side === 'ours');
    const theirs = results.find((r) => r.nodes === nodes && r.side === 'theirs');
    const ratio = (a, b) => (a && b ? (a.median / b.median).toFixed(2) : '–');
    return [
      nodes.toLocaleString('en-US'),
      formatRange(ours?.paint, formatMs),
      formatRange(theirs?.paint, formatMs),
      ratio(ours?.paint, theirs?.paint),
      formatRange(ours?.focus, formatMs),
      formatRange(theirs?.focus, formatMs),
      formatBytes(ours?.heap.median),
      formatBytes(theirs?.heap.median),
    ];
  });
  return markdownTable(
    [
      'nodes',
      'first paint, ours',
      'first paint, @grafana/flamegraph',
      'ratio ours/theirs',
      'focus, ours',
      'focus, theirs',
      'JS heap, ours',
      'JS heap, theirs',
    ],
    rows
  );
}
