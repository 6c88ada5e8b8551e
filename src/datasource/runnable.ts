import { spanSelectorProblem } from './rules';
import { parseSelector } from './selector';
import { EmbersQuery } from './types';

/**
 * Why a query does not run, or undefined when it does: it needs a profile type
 * and valid selectors (both sides of a diff). The editor shows the reason, so a
 * query is never dropped without a word.
 */
export function whyNotRunnable(q: EmbersQuery): string | undefined {
  if (!q.profileTypeId) {
    return 'Pick a profile type.';
  }
  const left = parseSelector(q.labelSelector ?? '').error;
  if (left) {
    return `${q.queryType === 'diff' ? 'Left-hand selector' : 'Label selector'}: ${left.message}.`;
  }
  const right = q.queryType === 'diff' ? parseSelector(q.right?.labelSelector ?? '').error : undefined;
  if (right) {
    return `Right-hand selector: ${right.message}.`;
  }
  const spans = spanSelectorProblem(q.spanSelector);
  return spans ? `Span selector: ${spans}.` : undefined;
}

/** The editor runs only such queries, and the data source sends only such queries. */
export function isRunnable(q: EmbersQuery): boolean {
  return whyNotRunnable(q) === undefined;
}
