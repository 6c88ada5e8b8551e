/** Selector rewrites: add a matcher, set the service, build from matchers. */
import { isVariableSelector, MatchOp, parseSelector } from './parse';
import { formatLabelName, quoteValue } from './tokenize';

export interface MatcherInput {
  key: string;
  op: MatchOp;
  value: string;
}

export function formatMatcher(m: MatcherInput): string {
  return `${formatLabelName(m.key)}${m.op}${quoteValue(m.value)}`;
}

export function buildSelector(matchers: MatcherInput[]): string {
  return `{${matchers.map(formatMatcher).join(', ')}}`;
}

/**
 * Appends a matcher before the closing brace. A blank selector becomes `{matcher}`;
 * an invalid one is left for its own error rather than guessed at.
 */
export function addMatcher(selector: string, m: MatcherInput): string {
  const trimmed = selector.trim();
  if (trimmed === '') {
    return buildSelector([m]);
  }
  const close = trimmed.lastIndexOf('}');
  if (close < 0 || isVariableSelector(trimmed)) {
    return trimmed;
  }
  const inner = trimmed.slice(0, close).trimEnd();
  const needsComma = !inner.endsWith('{') && !inner.endsWith(',');
  return `${inner}${needsComma ? ', ' : ''}${formatMatcher(m)}${trimmed.slice(close)}`;
}

/** Replaces the value of the first exact `service_name` matcher, or adds one first. */
export function setServiceName(selector: string, service: string): string {
  const parsed = parseSelector(selector.trim() === '' ? '{}' : selector);
  const existing = parsed.matchers.find((m) => m.name === 'service_name' && m.op === '=');
  if (existing) {
    return selector.slice(0, existing.valueStart) + quoteValue(service) + selector.slice(existing.valueEnd);
  }
  // A whole-selector variable has no braces to add the service into.
  if (parsed.error || isVariableSelector(selector)) {
    return selector;
  }
  const trimmed = selector.trim() === '' ? '{}' : selector.trim();
  const open = trimmed.indexOf('{');
  const rest = trimmed.slice(open + 1).trimStart();
  const separator = rest.startsWith('}') ? '' : ', ';
  return `{${formatMatcher({ key: 'service_name', op: '=', value: service })}${separator}${rest}`;
}
