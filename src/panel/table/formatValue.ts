import { formattedValueToString, getValueFormat } from '@grafana/data';

/** A value in the frame's unit (`ns`, `bytes`, `short`, ...), as Grafana formats it. */
export function formatValue(value: number, unit: string): string {
  return formattedValueToString(getValueFormat(unit || 'short')(value, 2));
}

/** A share as a percentage with two decimals; nothing to divide by reads as 0 %. */
export function formatPercent(part: number, whole: number): string {
  return `${(whole > 0 ? (part / whole) * 100 : 0).toFixed(2)} %`;
}
