import { FlameColumns } from '../../../shared/flameColumns';

/** One hand-made row: level, name, value, self and, for diffs, the right side. */
export type Row = [level: number, name: string, value: number, self: number, valueRight?: number, selfRight?: number];

/** Flame columns from hand-made rows, for tests. */
export function columnsOf(rows: Row[], withRight = false, unit = 'ns'): FlameColumns {
  const columns: FlameColumns = {
    length: rows.length,
    level: rows.map((r) => r[0]),
    value: rows.map((r) => r[2]),
    self: rows.map((r) => r[3]),
    label: (i) => rows[i][1],
    unit,
  };
  if (withRight) {
    columns.valueRight = rows.map((r) => r[4] ?? 0);
    columns.selfRight = rows.map((r) => r[5] ?? 0);
  }
  return columns;
}

/** The rows of flame columns, to compare whole trees in one assertion. */
export function rowsOf(columns: FlameColumns, withRight = false): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < columns.length; i++) {
    const row: Row = [columns.level[i], columns.label(i), columns.value[i], columns.self[i]];
    if (withRight) {
      row.push(columns.valueRight![i], columns.selfRight![i]);
    }
    out.push(row);
  }
  return out;
}
