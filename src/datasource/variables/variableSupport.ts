/** Dashboard variables: profile types, label names, or values of one label. */
import { CustomVariableSupport, DataQueryRequest, DataQueryResponse, MetricFindValue } from '@grafana/data';
import { from, Observable } from 'rxjs';
import { map } from 'rxjs/operators';

import { VariableQueryEditor } from '../components/VariableQueryEditor';
import type { PyroscopeDataSource } from '../datasource';
import { shortProfileType } from '../queryDisplayText';
import { EmbersVariableQuery } from '../types';
import { normalizeVariableQuery } from './normalizeVariableQuery';

/** Pyroscope's own label holding each series' profile type id. */
const PROFILE_TYPE_LABEL = '__profile_type__';

export class EmbersVariableSupport extends CustomVariableSupport<PyroscopeDataSource, EmbersVariableQuery> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: PyroscopeDataSource) {
    super();
  }

  query(request: DataQueryRequest<EmbersVariableQuery>): Observable<DataQueryResponse> {
    const query = normalizeVariableQuery(request.targets[0]);
    return from(findVariableValues(this.datasource, query, request)).pipe(map((data) => ({ data })));
  }
}

export async function findVariableValues(
  ds: Pick<PyroscopeDataSource, 'getProfileTypes' | 'getLabelNames' | 'getLabelValues'>,
  query: EmbersVariableQuery | undefined,
  request: Pick<DataQueryRequest, 'range'>
): Promise<MetricFindValue[]> {
  const range = request.range;
  const scope = {
    range,
    profileTypeId: query?.profileTypeId || undefined,
    selector: query?.labelSelector || undefined,
  };
  switch (query?.kind) {
    case 'profileTypes': {
      const types = await ds.getProfileTypes(range);
      // Scoped by a selector (`{service_name="$service"}`): only the types sent
      // under it, which Pyroscope lists as values of its __profile_type__ label.
      const sent = scope.selector
        ? new Set(await ds.getLabelValues(PROFILE_TYPE_LABEL, { range, selector: scope.selector }))
        : undefined;
      return types.filter((t) => !sent || sent.has(t.id)).map((t) => ({ text: shortProfileType(t.id), value: t.id }));
    }
    case 'labelNames':
      return (await ds.getLabelNames(scope)).map((text) => ({ text }));
    case 'labelValues':
      if (!query.labelName) {
        throw new Error('Choose the label whose values the variable lists');
      }
      return (await ds.getLabelValues(query.labelName, scope)).map((text) => ({ text }));
    default:
      throw new Error('Choose what the variable lists: profile types, label names or label values');
  }
}
