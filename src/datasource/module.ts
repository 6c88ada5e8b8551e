import { DataSourcePlugin } from '@grafana/data';

import { PyroscopeDataSource } from './datasource';
import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { EmbersQuery, EmbersDataSourceOptions } from './types';

export const plugin = new DataSourcePlugin<PyroscopeDataSource, EmbersQuery, EmbersDataSourceOptions>(
  PyroscopeDataSource
)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
