import {
  AbstractQuery,
  AdHocVariableFilter,
  CoreApp,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceGetTagKeysOptions,
  DataSourceGetTagValuesOptions,
  DataSourceInstanceSettings,
  MetricFindValue,
  ScopedVars,
  TimeRange,
} from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv } from '@grafana/runtime';
import { map, Observable } from 'rxjs';

import { fromAbstractQuery, toAbstractQuery } from './abstractQueries';
import { DEFAULT_MAX_NODES } from './constants';
import { normalizeQuery } from './coreQuery';
import { fetchLabelNames, fetchLabelValues, fetchProfileTypes, LabelQuery } from './resources';
import { isRunnable } from './runnable';
import { EmbersDataSourceOptions, EmbersQuery, ProfileTypeInfo } from './types';
import { queryDisplayText } from './queryDisplayText';
import { completeSeriesLinks } from './seriesLinks';
import { applyAdHocFilters, interpolateSelector } from './variables/interpolate';
import { EmbersVariableSupport } from './variables/variableSupport';

export class PyroscopeDataSource extends DataSourceWithBackend<EmbersQuery, EmbersDataSourceOptions> {
  readonly defaultMaxNodes: number;

  constructor(instanceSettings: DataSourceInstanceSettings<EmbersDataSourceOptions>) {
    super(instanceSettings);
    this.defaultMaxNodes = instanceSettings.jsonData?.maxNodes || DEFAULT_MAX_NODES;
    this.variables = new EmbersVariableSupport(this);
  }

  /** The backend's answer, with the series links given their time ranges (seriesLinks.ts). */
  query(request: DataQueryRequest<EmbersQuery>): Observable<DataQueryResponse> {
    return super
      .query(request)
      .pipe(map((res) => (res.data?.length ? { ...res, data: completeSeriesLinks(res.data, request.range) } : res)));
  }

  getDefaultQuery(app: CoreApp): Partial<EmbersQuery> {
    return {
      queryType: app === CoreApp.UnifiedAlerting ? 'metrics' : 'both',
      labelSelector: '{}',
      groupBy: [],
    };
  }

  /** Runs only queries that say what to read: a profile type and valid selectors. */
  filterQuery(query: EmbersQuery): boolean {
    return !query.hide && isRunnable(query);
  }

  applyTemplateVariables(query: EmbersQuery, scopedVars: ScopedVars, filters?: AdHocVariableFilter[]): EmbersQuery {
    const templateSrv = getTemplateSrv();
    const selector = (s: string) => applyAdHocFilters(interpolateSelector(s, templateSrv, scopedVars), filters);
    const out: EmbersQuery = {
      ...normalizeQuery(query),
      profileTypeId: templateSrv.replace(query.profileTypeId ?? '', scopedVars),
      labelSelector: selector(query.labelSelector ?? ''),
    };
    if (query.groupBy) {
      out.groupBy = query.groupBy
        .flatMap((g) => templateSrv.replace(g, scopedVars, listFormat).split(','))
        .filter(Boolean);
    }
    if (query.right) {
      const timeShift = query.right.timeShift;
      out.right = {
        ...query.right,
        labelSelector: selector(query.right.labelSelector ?? ''),
        ...(timeShift ? { timeShift: templateSrv.replace(timeShift, scopedVars) } : {}),
      };
    }
    return out;
  }

  /** Interpolated copies, for Grafana to carry a panel's queries where its variables do not exist (Explore). */
  interpolateVariablesInQueries(
    queries: EmbersQuery[],
    scopedVars: ScopedVars,
    filters?: AdHocVariableFilter[]
  ): EmbersQuery[] {
    return queries.map((q) => ({ ...this.applyTemplateVariables(q, scopedVars, filters), datasource: this.getRef() }));
  }

  /** Label matchers survive switching from Prometheus or Loki to Embers in Explore. */
  async importFromAbstractQueries(queries: AbstractQuery[]): Promise<EmbersQuery[]> {
    return queries.map(fromAbstractQuery);
  }

  /** And back, from Embers to them. */
  async exportToAbstractQueries(queries: EmbersQuery[]): Promise<AbstractQuery[]> {
    return queries.map(toAbstractQuery);
  }

  getQueryDisplayText(query: EmbersQuery): string {
    return queryDisplayText(query);
  }

  getProfileTypes(range?: TimeRange): Promise<ProfileTypeInfo[]> {
    return fetchProfileTypes(this.get, range);
  }

  getLabelNames(q: LabelQuery): Promise<string[]> {
    return fetchLabelNames(this.get, this.interpolated(q));
  }

  getLabelValues(label: string, q: LabelQuery): Promise<string[]> {
    return fetchLabelValues(this.get, getTemplateSrv().replace(label), this.interpolated(q));
  }

  /** Dashboard variable names, offered in completion as `$name`. */
  getVariableNames(): string[] {
    return getTemplateSrv()
      .getVariables()
      .map((v) => v.name);
  }

  async getTagKeys(options?: DataSourceGetTagKeysOptions<EmbersQuery>): Promise<MetricFindValue[]> {
    const names = await this.getLabelNames({ range: options?.timeRange, selector: filtersSelector(options?.filters) });
    return names.map((text) => ({ text }));
  }

  async getTagValues(options: DataSourceGetTagValuesOptions<EmbersQuery>): Promise<MetricFindValue[]> {
    const others = options.filters?.filter((f) => f.key !== options.key);
    const values = await this.getLabelValues(options.key, {
      range: options.timeRange,
      selector: filtersSelector(others),
    });
    return values.map((text) => ({ text }));
  }

  private get = (path: string, params: Record<string, string>) => this.getResource(path, params);

  private interpolated(q: LabelQuery): LabelQuery {
    const templateSrv = getTemplateSrv();
    return {
      ...q,
      profileTypeId: q.profileTypeId ? templateSrv.replace(q.profileTypeId) : undefined,
      selector: q.selector ? interpolateSelector(q.selector, templateSrv) : undefined,
    };
  }
}

/** A multi-value group-by variable stands for several labels. */
function listFormat(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value ?? '');
}

/** The other ad-hoc filters as a selector that scopes keys and values; none is no scope. */
function filtersSelector(filters?: AdHocVariableFilter[]): string | undefined {
  const selector = applyAdHocFilters('{}', filters);
  return selector === '{}' ? undefined : selector;
}
