import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { IconButton, useStyles2 } from '@grafana/ui';
import React, { useMemo, useState } from 'react';
import { FlameColumns } from '../../shared/flameColumns';
import { aggregateFunctions } from './aggregate';
import { formatPercent, formatShareChange, formatValue } from '../../shared/units';
import { combined, shareChange, SortDirection, SortKey, sortFunctions } from './sortFunctions';
import { TableColumn, TableHeader } from './TableHeader';
import { trimStart } from '../components/trimStart';

export interface TopTableProps {
  columns: FlameColumns;
  /** A click on a row: the graph shows that function (sandwich view). */
  onSelectFunction(name: string): void;
  /** The row's own search button. */
  onSearchFunction?(name: string): void;
  height: number;
  width: number;
}

const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 28;
/** Rows drawn above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 8;

/**
 * Top functions: self and total per function name with their share of the total.
 * Aggregation is one pass over the frame; only the rows in view are rendered, so a
 * frame of a million rows stays responsive.
 */
export function TopTable({ columns, onSelectFunction, onSearchFunction, height, width }: TopTableProps) {
  const styles = useStyles2(getStyles);
  const stats = useMemo(() => aggregateFunctions(columns), [columns]);
  const isDiff = stats.totalRight !== undefined;
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'self', direction: 'desc' });
  const order = useMemo(() => sortFunctions(stats, sort.key, sort.direction), [stats, sort]);
  const [scrollTop, setScrollTop] = useState(0);

  const tableColumns: TableColumn[] = [
    { key: 'name', title: 'Function', track: 'minmax(120px, 1fr)' },
    { key: 'self', title: 'Self', track: '150px' },
    { key: 'total', title: 'Total', track: '150px' },
  ];
  if (isDiff) {
    tableColumns.push({ key: 'change', title: 'Change', track: '90px' });
  }
  const grid = css({ gridTemplateColumns: tableColumns.map((c) => c.track).join(' ') });
  const grandTotal = stats.grandTotal + stats.grandTotalRight;

  const bodyHeight = Math.max(ROW_HEIGHT, height - HEADER_HEIGHT);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(order.length, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN);

  const onSort = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: key === 'name' ? 'asc' : 'desc' }
    );

  if (order.length === 0) {
    return <div className={styles.empty}>No functions to list.</div>;
  }

  const rows: React.ReactNode[] = [];
  for (let position = first; position < last; position++) {
    const id = order[position];
    const name = stats.names[id];
    const self = combined(stats, 'self', id);
    const total = combined(stats, 'total', id);
    const change = shareChange(stats, id);
    rows.push(
      <div
        key={id}
        role="row"
        tabIndex={0}
        className={`${styles.row} ${grid}`}
        style={{ top: position * ROW_HEIGHT }}
        onClick={() => onSelectFunction(name)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onSelectFunction(name);
          }
        }}
        title={name}
      >
        <div role="cell" className={styles.nameCell}>
          <span className={styles.name}>{name}</span>
          {onSearchFunction && (
            <IconButton
              name="search"
              size="sm"
              aria-label={`Search for ${name}`}
              title="Search for this function"
              onClick={(event) => {
                event.stopPropagation();
                onSearchFunction(name);
              }}
            />
          )}
        </div>
        <div role="cell" className={styles.number}>
          {formatValue(self, columns.unit)} <span className={styles.share}>{formatPercent(self, grandTotal)}</span>
        </div>
        <div role="cell" className={styles.number}>
          {formatValue(total, columns.unit)} <span className={styles.share}>{formatPercent(total, grandTotal)}</span>
        </div>
        {isDiff && (
          <div role="cell" className={`${styles.number} ${change > 0 ? styles.grew : change < 0 ? styles.shrank : ''}`}>
            {formatShareChange(change)}
          </div>
        )}
      </div>
    );
  }

  return (
    <div role="table" aria-label="Top functions" className={styles.table} style={{ width, height }}>
      <TableHeader
        columns={tableColumns}
        sortKey={sort.key}
        direction={sort.direction}
        className={`${styles.header} ${grid}`}
        cellClassName={styles.headerCell}
        onSort={onSort}
      />
      <div
        className={styles.body}
        style={{ height: bodyHeight }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div role="rowgroup" style={{ height: order.length * ROW_HEIGHT, position: 'relative' }}>
          {rows}
        </div>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    display: 'flex',
    flexDirection: 'column',
    fontSize: theme.typography.bodySmall.fontSize,
    overflow: 'hidden',
  }),
  header: css({
    display: 'grid',
    height: HEADER_HEIGHT,
    borderBottom: `1px solid ${theme.colors.border.medium}`,
    flex: 'none',
  }),
  headerCell: css({
    display: 'flex',
    alignItems: 'center',
    padding: theme.spacing(0, 1),
    button: {
      background: 'none',
      border: 'none',
      color: theme.colors.text.primary,
      fontWeight: theme.typography.fontWeightMedium,
      cursor: 'pointer',
      padding: 0,
    },
  }),
  body: css({ overflowY: 'auto', position: 'relative' }),
  row: css({
    display: 'grid',
    position: 'absolute',
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    alignItems: 'center',
    cursor: 'pointer',
    '&:hover, &:focus': { background: theme.colors.action.hover, outline: 'none' },
  }),
  nameCell: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), padding: theme.spacing(0, 1), minWidth: 0 }),
  // Long names lose their package path from the left: the function at the end stays readable.
  name: css({ ...trimStart, flex: 1 }),
  number: css({ padding: theme.spacing(0, 1), textAlign: 'right', whiteSpace: 'nowrap' }),
  share: css({ color: theme.colors.text.secondary }),
  grew: css({ color: theme.colors.error.text }),
  shrank: css({ color: theme.colors.success.text }),
  empty: css({ padding: theme.spacing(2), color: theme.colors.text.secondary }),
});
