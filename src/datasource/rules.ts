import { ruleMessage } from '../shared/messages';

/**
 * Rules the backend enforces too (pkg/models): durations and tenant IDs.
 * testdata/rules/settings.json holds the cases both sides run.
 */

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31536000,
};
/** One number and its unit; "ms" before "m". */
const PART = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/;
const BARE_SECONDS = /^\d+(?:\.\d+)?$/;
/** Go's time.Duration holds at most 2^63-1 ns. */
const MAX_SECONDS = 9223372036.854775;

export type ParsedDuration = { seconds: number } | { error: 'syntax' | 'tooLong' };

/** `15s`, `1m30s`, `1.5h`, `500ms`, `7d`, `2w`, `1y`, or a bare number of seconds. */
export function parseDuration(text: string): ParsedDuration {
  let rest = text.trim();
  if (BARE_SECONDS.test(rest)) {
    rest += 's';
  }
  if (rest === '') {
    return { error: 'syntax' };
  }
  let seconds = 0;
  while (rest !== '') {
    const part = PART.exec(rest);
    if (!part) {
      return { error: 'syntax' };
    }
    seconds += Number(part[1]) * UNIT_SECONDS[part[2]];
    rest = rest.slice(part[0].length);
  }
  return seconds >= MAX_SECONDS ? { error: 'tooLong' } : { seconds };
}

const TENANT = /^[a-zA-Z0-9!\-_.*'()]{1,150}$/;

/** One tenant or several joined by `|`, as Pyroscope takes them; empty is none. */
export function isValidTenantId(id: string): boolean {
  return id === '' || id.split('|').every((part) => TENANT.test(part) && part !== '.' && part !== '..');
}

/**
 * What is wrong with one span id, or undefined when it is an OpenTelemetry span id:
 * 16 hex digits, not all zero (testdata/rules/spans.json; pkg/models/span.go says the same).
 */
export function spanIdProblem(id: string): string | undefined {
  const s = id.trim();
  // Counted in characters, as the backend counts them (not UTF-16 units).
  const length = [...s].length;
  if (s === '') {
    return ruleMessage('spanIdEmpty');
  }
  if (length !== 16) {
    return ruleMessage('spanIdLength', String(length));
  }
  if (!/^[0-9a-fA-F]+$/.test(s)) {
    return ruleMessage('spanIdNotHex');
  }
  return /^0+$/.test(s) ? ruleMessage('spanIdZeros') : undefined;
}

/** The first bad span id of a span selector, worded as the backend words it. */
export function spanSelectorProblem(ids: string[] | undefined): string | undefined {
  for (let i = 0; i < (ids ?? []).length; i++) {
    const problem = spanIdProblem(ids![i]);
    if (problem) {
      return `span id ${i + 1} "${ids![i]}" ${problem}`;
    }
  }
  return undefined;
}

/** Span ids as typed: separated by commas or spaces. */
export function parseSpanIds(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}
