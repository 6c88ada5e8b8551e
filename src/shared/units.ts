import { formattedValueToString, getValueFormat } from '@grafana/data';

/** A value in a Grafana unit: `ns` reads as time, `bytes` as sizes, `short` as a count. */
export function formatValue(value: number, unit: string, decimals = 2): string {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  return formattedValueToString(getValueFormat(unit || 'short')(value, decimals));
}

/** part / whole as a percentage; nothing to divide by reads as 0 %. */
export function formatPercent(part: number, whole: number, decimals = 2): string {
  const share = whole > 0 && Number.isFinite(part) ? (part / whole) * 100 : 0;
  return `${share.toFixed(decimals)} %`;
}

/** A signed percentage-point change, e.g. "+3.20 pp" for a share that grew. */
export function formatShareChange(change: number): string {
  const points = change * 100;
  const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
  return `${sign}${Math.abs(points).toFixed(2)} pp`;
}

/**
 * A whole count with thousands separators, as toLocaleString('en-US') writes it
 * ("1,234,567"), without that call's one-off cost of loading locale data on first use.
 */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) {
    return String(count);
  }
  const sign = count < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(count)));
  if (digits.includes('e')) {
    return sign + digits;
  }
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, ',');
}
