import { diffChange } from '../../shared/colors';
import { FunctionStats } from './aggregate';

export type SortKey = 'name' | 'self' | 'total' | 'change';
export type SortDirection = 'asc' | 'desc';

/**
 * Change in a function's share of its side's total, as a fraction
 * (right share − left share); positive means it grew. Diff frames only.
 */
export function shareChange(stats: FunctionStats, id: number): number {
  if (!stats.totalRight) {
    return 0;
  }
  return diffChange(stats.total[id], stats.grandTotal, stats.totalRight[id], stats.grandTotalRight);
}

/** Value shown for self/total: both sides together for a diff, as the widths are. */
export function combined(stats: FunctionStats, key: 'self' | 'total', id: number): number {
  const right = key === 'self' ? stats.selfRight : stats.totalRight;
  return stats[key][id] + (right ? right[id] : 0);
}

/** Function ids in display order; ties break by name so the order is stable. */
export function sortFunctions(stats: FunctionStats, key: SortKey, direction: SortDirection): Int32Array {
  const order = new Int32Array(stats.names.length);
  for (let i = 0; i < order.length; i++) {
    order[i] = i;
  }
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: number, b: number) =>
    stats.names[a] < stats.names[b] ? -1 : stats.names[a] > stats.names[b] ? 1 : 0;
  let keyOf: ((id: number) => number) | undefined;
  if (key === 'self' || key === 'total') {
    keyOf = (id) => combined(stats, key, id);
  } else if (key === 'change') {
    keyOf = (id) => shareChange(stats, id);
  }
  if (!keyOf) {
    return order.sort((a, b) => sign * byName(a, b));
  }
  const keys = new Float64Array(order.length);
  for (let i = 0; i < keys.length; i++) {
    keys[i] = keyOf(i);
  }
  return order.sort((a, b) => sign * (keys[a] - keys[b]) || byName(a, b));
}
