/** A one-line summary of a query for query history and collapsed rows. */
import { EmbersQuery, QueryType } from './types';

const TYPE_TEXT: Record<QueryType, string> = {
  profile: 'Flame graph',
  metrics: 'Series',
  both: 'Series + flame graph',
  diff: 'Diff',
};

/** `process_cpu:cpu:nanoseconds:cpu:nanoseconds` → `process_cpu/cpu` */
export function shortProfileType(id: string): string {
  const [name, sampleType] = id.split(':');
  return sampleType ? `${name}/${sampleType}` : id;
}

export function queryDisplayText(q: EmbersQuery): string {
  const parts = [TYPE_TEXT[q.queryType] ?? TYPE_TEXT.both];
  parts.push(q.profileTypeId ? shortProfileType(q.profileTypeId) : '(no profile type)');
  parts.push(q.labelSelector?.trim() || '{}');
  if (q.queryType === 'diff') {
    const shift = q.right?.timeShift ? `, ${q.right.timeShift} earlier` : '';
    parts.push(`vs ${q.right?.labelSelector?.trim() || '{}'}${shift}`);
  }
  if (q.queryType !== 'profile' && q.queryType !== 'diff' && q.groupBy?.length) {
    parts.push(`by ${q.groupBy.join(', ')}`);
  }
  if (q.limit && q.queryType !== 'profile' && q.queryType !== 'diff') {
    parts.push(`top ${q.limit}`);
  }
  return parts.join(' · ');
}
