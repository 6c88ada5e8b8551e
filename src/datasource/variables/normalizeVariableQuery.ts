import { EmbersVariableQuery, VariableQueryKind } from '../types';

/** The core Pyroscope datasource's variable kinds (its `type` field). */
const CORE_KINDS: Record<string, VariableQueryKind> = {
  profileType: 'profileTypes',
  label: 'labelNames',
  labelValue: 'labelValues',
};

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
  const q = query as Partial<EmbersVariableQuery> & { type?: string };
  if (q.kind === undefined && q.type !== undefined && CORE_KINDS[q.type]) {
    // A dashboard written for the core datasource: same fields, `type` for `kind`.
    const { type, ...rest } = q;
    return { ...rest, refId: q.refId ?? 'EmbersVariableQuery', kind: CORE_KINDS[type] };
  }
  return { ...q, refId: q.refId ?? 'EmbersVariableQuery', kind: q.kind ?? 'labelValues' };
}
