import type { DataSourceSettings } from '@grafana/data';

import type { EmbersDataSourceOptions, EmbersSecureJsonData } from '../types';

export type EmbersSettings = DataSourceSettings<EmbersDataSourceOptions, EmbersSecureJsonData>;

/** The settings Grafana hands the config editor for a new Embers data source at the compose Pyroscope. */
export function dataSourceSettings(patch: Partial<EmbersSettings> = {}): EmbersSettings {
  return {
    id: 1,
    uid: 'x',
    orgId: 1,
    name: 'Pyroscope',
    type: 'embers-pyroscope-datasource',
    typeName: 'Embers Pyroscope',
    typeLogoUrl: '',
    access: 'proxy',
    url: 'http://pyroscope:4040',
    user: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    withCredentials: false,
    readOnly: false,
    jsonData: {},
    secureJsonFields: {},
    ...patch,
  } as EmbersSettings;
}
