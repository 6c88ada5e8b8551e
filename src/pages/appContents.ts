import { getBackendSrv, getDataSourceSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import appPlugin from '../plugin.json';
import datasourcePlugin from '../datasource/plugin.json';
import panelPlugin from '../panel/plugin.json';

export const APP_ID = appPlugin.id;
export const DATASOURCE_TYPE = datasourcePlugin.id;
export const PANEL_TYPE = panelPlugin.id;

/** Grafana's pages the home page links to. */
export const links = {
  newDatasource: `/connections/datasources/new`,
  datasourceType: `/connections/datasources/${DATASOURCE_TYPE}`,
  editDatasource: (uid: string) => `/connections/datasources/edit/${encodeURIComponent(uid)}`,
  explore: (uid: string) => {
    const pane = { datasource: uid, queries: [{ refId: 'A', datasource: { type: DATASOURCE_TYPE, uid } }] };
    return `/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify({ embers: pane }))}`;
  },
  plugin: (id: string) => `/plugins/${id}`,
  appDashboards: `/plugins/${APP_ID}?page=dashboards`,
  newDashboard: '/dashboard/new',
};

export interface ConfiguredDatasource {
  uid: string;
  name: string;
}

/** The data sources of our type that this Grafana already has. */
export function configuredDatasources(): ConfiguredDatasource[] {
  return getDataSourceSrv()
    .getList({ pluginId: DATASOURCE_TYPE })
    .map((ds) => ({ uid: ds.uid, name: ds.name }));
}

/** One of the app's dashboards as Grafana's plugin API lists it. */
export interface BundledDashboard {
  title: string;
  description?: string;
  imported: boolean;
  importedUrl?: string;
}

/** The dashboards the app bundles, and whether Grafana has imported each one. */
export async function bundledDashboards(): Promise<BundledDashboard[]> {
  const response = await lastValueFrom(
    getBackendSrv().fetch<BundledDashboard[]>({
      url: `/api/plugins/${APP_ID}/dashboards`,
      showErrorAlert: false,
    })
  );
  return response.data;
}
