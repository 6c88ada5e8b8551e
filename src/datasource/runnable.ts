import { parseSelector } from './selector';
import { EmbersQuery } from './types';

/**
 * A query says what to read: a profile type and valid selectors (both sides of a diff).
 * The editor runs only such queries, and the data source sends only such queries.
 */
export function isRunnable(q: EmbersQuery): boolean {
  if (!q.profileTypeId || parseSelector(q.labelSelector ?? '').error) {
    return false;
  }
  return q.queryType !== 'diff' || !parseSelector(q.right?.labelSelector ?? '').error;
}
