import { DataFrame, FieldType, getLinksSupplier, InterpolateFunction, LinkModel, ScopedVars } from '@grafana/data';

import { RANGE_LINK_TITLE } from '../seriesLinks';

/**
 * A series frame as the backend sends it (pkg/plugin/series_links.go): time
 * with the step as its interval, a value field with the range link.
 */
export function backendSeriesFrame(times: number[], stepMs: number, selector: string, uid = 'embers-uid'): DataFrame {
  return {
    name: '{region="eu-west"}',
    length: times.length,
    fields: [
      { name: 'time', type: FieldType.time, config: { interval: stepMs }, values: times },
      {
        name: 'cpu',
        type: FieldType.number,
        labels: { region: 'eu-west' },
        config: {
          links: [
            {
              title: RANGE_LINK_TITLE,
              url: '',
              internal: {
                datasourceUid: uid,
                datasourceName: '',
                query: {
                  refId: 'flamegraph',
                  queryType: 'profile',
                  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
                  labelSelector: selector,
                },
              },
            },
          ],
        },
        values: times.map((_, i) => i + 1),
      },
    ],
  };
}

/**
 * What a person gets from the point at row: Grafana's own link supplier, with
 * the one data-link macro it resolves in core (`${__value.time}`, the row's
 * time) filled in the same way.
 */
export function linksAtPoint(frame: DataFrame, row: number): Array<LinkModel<unknown>> {
  const value = frame.fields[1];
  const replace: InterpolateFunction = (text: string, scopedVars?: ScopedVars) => {
    const ctx = scopedVars?.__dataContext?.value as { rowIndex?: number } | undefined;
    const time = frame.fields.find((f) => f.type === FieldType.time)!.values[ctx?.rowIndex ?? -1];
    return text.replace(/\$\{__value\.time\}/g, String(time));
  };
  return getLinksSupplier(frame, value, {}, replace)({ valueRowIndex: row });
}

/** The Explore state an Explore link's href holds. */
export function exploreState(href: string): {
  range: { from: string; to: string };
  datasource: string;
  queries: any[];
} {
  const left = new URL(href, 'http://grafana.invalid').searchParams.get('left');
  if (!left) {
    throw new Error(`not an Explore link: ${href}`);
  }
  return JSON.parse(left);
}
