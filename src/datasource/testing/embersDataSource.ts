import { DataSourceInstanceSettings } from '@grafana/data';

import { PyroscopeDataSource } from '../datasource';
import { EmbersDataSourceOptions } from '../types';

/** A data source instance as Grafana builds it, for tests that call its methods. */
export function embersDataSource(jsonData: EmbersDataSourceOptions = {}): PyroscopeDataSource {
  return new PyroscopeDataSource({
    uid: 'embers',
    type: 'embers-pyroscope-datasource',
    jsonData,
    meta: {},
  } as unknown as DataSourceInstanceSettings<EmbersDataSourceOptions>);
}
