import { EmbersQuery } from './types';

/**
 * A query as the backend takes it, from our editor or from a dashboard written for
 * the core Pyroscope datasource (whose JSON is a subset of ours): what the core
 * datasource saves as "none" (`spanSelector: []`, `groupBy: null`) is left out.
 */
export function normalizeQuery(q: EmbersQuery): EmbersQuery {
  const out: EmbersQuery = { ...q, queryType: q.queryType ?? 'both', labelSelector: q.labelSelector ?? '{}' };
  if (!out.spanSelector?.length) {
    delete out.spanSelector;
  }
  if (out.groupBy === null) {
    out.groupBy = [];
  }
  return out;
}
