import { EmbersVariableQuery } from '../types';

/**
 * Variables saved as a plain string (a hand-written dashboard, another plugin's
 * format) read as "values of that label" rather than breaking the editor.
 */
export function normalizeVariableQuery(query: unknown): EmbersVariableQuery {
  if (typeof query === 'string') {
    return { refId: 'EmbersVariableQuery', kind: 'labelValues', labelName: query.trim() || undefined };
  }
  if (typeof query !== 'object' || query === null) {
    return { refId: 'EmbersVariableQuery', kind: 'labelValues' };
  }
  const q = query as Partial<EmbersVariableQuery>;
  return { ...q, refId: q.refId ?? 'EmbersVariableQuery', kind: q.kind ?? 'labelValues' };
}
