import { AbstractLabelMatcher, AbstractLabelOperator, AbstractQuery } from '@grafana/data';

import { buildSelector, MatchOp, parseSelector } from './selector';
import { EmbersQuery } from './types';

const TO_ABSTRACT: Record<MatchOp, AbstractLabelOperator> = {
  '=': AbstractLabelOperator.Equal,
  '!=': AbstractLabelOperator.NotEqual,
  '=~': AbstractLabelOperator.EqualRegEx,
  '!~': AbstractLabelOperator.NotEqualRegEx,
};
const FROM_ABSTRACT = Object.fromEntries(Object.entries(TO_ABSTRACT).map(([op, a]) => [a, op])) as Record<
  AbstractLabelOperator,
  MatchOp
>;

/**
 * A query from another data source (Prometheus, Loki) in Explore: its label matchers
 * become the selector; the profile type is left for the editor to default.
 */
export function fromAbstractQuery(q: AbstractQuery): EmbersQuery {
  const matchers = (q.labelMatchers ?? [])
    .filter((m) => FROM_ABSTRACT[m.operator] !== undefined && m.name !== '')
    .map((m) => ({ key: m.name, op: FROM_ABSTRACT[m.operator], value: m.value }));
  return { refId: q.refId, queryType: 'both', profileTypeId: '', labelSelector: buildSelector(matchers) };
}

/** Our selector's matchers for another data source; none from a selector that does not parse. */
export function toAbstractQuery(q: EmbersQuery): AbstractQuery {
  const parsed = parseSelector(q.labelSelector ?? '');
  const labelMatchers: AbstractLabelMatcher[] = parsed.error
    ? []
    : parsed.matchers.map((m) => ({ name: m.name, operator: TO_ABSTRACT[m.op], value: m.value }));
  return { refId: q.refId, labelMatchers };
}
