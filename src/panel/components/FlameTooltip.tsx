import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';
import { diffChange } from '../../shared/colors';
import { formatPercent, formatShareChange, formatValue } from '../../shared/units';
import { FlameIndex } from '../model/flameIndex';
import { FlameBox } from '../model/layout';

interface Props {
  index: FlameIndex;
  box: FlameBox;
  x: number;
  y: number;
  /** Distance from the pointer to the bottom of the view, to place the tooltip above the pointer. */
  above?: number;
}

/** Hover details, as React text only: function names are untrusted and may look like HTML. */
export function FlameTooltip({ index, box, x, y, above }: Props) {
  const styles = useStyles2(getStyles);
  const total = index.leftTotal + index.rightTotal;
  const unit = index.columns.unit;
  const rows = tooltipRows(index, box);
  return (
    <div className={styles.tooltip} style={above === undefined ? { left: x + 12, top: y + 12 } : { left: x + 12, bottom: above + 12 }} data-testid="embers-flamegraph-tooltip">
      <div className={styles.name}>{boxTitle(index, box)}</div>
      <table className={styles.table}>
        <tbody>
          {rows.map(([label, text]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{text}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <th>Total</th>
              <td>
                {formatValue(box.value, unit)} ({formatPercent(box.value, total)} of total)
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {box.row >= 0 && <div className={styles.hint}>Click to focus · right-click for more</div>}
    </div>
  );
}

/** What a box is called: the function's name, or what a box of folded frames holds. */
export function boxTitle(index: FlameIndex, box: FlameBox): string {
  switch (box.kind) {
    case 'frame':
    case 'ancestor':
      return index.columns.label(box.row);
    case 'root':
      return 'total';
    case 'deeper':
      return `… ${box.hidden} deeper frames (click to see them)`;
    case 'collapsed':
      return `… ${box.hidden} callers above (click to go up)`;
    case 'group':
      return `… ${box.hidden} narrow frames, shown side by side`;
    default:
      return `… ${box.hidden} frames too narrow to draw (click to spread them out)`;
  }
}

/** [label, text] pairs for a frame row; none for boxes of folded frames. */
export function tooltipRows(index: FlameIndex, box: FlameBox): Array<[string, string]> {
  const row = box.row;
  if (row < 0 || box.kind === 'collapsed') {
    return [];
  }
  const { columns } = index;
  const unit = columns.unit;
  const parentRow = index.parent[row];
  const total = index.leftTotal + index.rightTotal;
  const value = index.width[row];
  const self = Number(columns.self[row]) + (columns.selfRight ? Number(columns.selfRight[row]) : 0);
  const parentValue = parentRow >= 0 ? index.width[parentRow] : total;
  const rows: Array<[string, string]> = [
    ['Self', `${formatValue(self, unit)} (${formatPercent(self, total)})`],
    ['Total', `${formatValue(value, unit)} (${formatPercent(value, total)} of total)`],
    ['Of parent', formatPercent(value, parentValue)],
  ];
  if (index.isDiff && columns.valueRight) {
    const left = Number(columns.value[row]);
    const right = Number(columns.valueRight[row]);
    rows.push(
      ['Left (baseline)', `${formatValue(left, unit)} (${formatPercent(left, index.leftTotal)})`],
      ['Right (comparison)', `${formatValue(right, unit)} (${formatPercent(right, index.rightTotal)})`],
      ['Change', formatShareChange(diffChange(left, index.leftTotal, right, index.rightTotal))]
    );
  }
  return rows;
}

const getStyles = (theme: GrafanaTheme2) => ({
  tooltip: css({
    position: 'absolute',
    zIndex: theme.zIndex.tooltip,
    pointerEvents: 'none',
    maxWidth: 360,
    padding: theme.spacing(1),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z3,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  name: css({ fontWeight: theme.typography.fontWeightMedium, wordBreak: 'break-all', marginBottom: theme.spacing(0.5) }),
  table: css({ th: { paddingRight: theme.spacing(1), fontWeight: 'normal', color: theme.colors.text.secondary } }),
  hint: css({ marginTop: theme.spacing(0.5), color: theme.colors.text.secondary }),
});
