import { DataQuery, DataSourceJsonData } from '@grafana/schema';

/** What a query returns (DESIGN.md section 3). */
export type QueryType = 'profile' | 'metrics' | 'both' | 'diff';

/** The query model; the Go backend parses the same JSON (pkg/models/query.go). */
export interface EmbersQuery extends DataQuery {
  queryType: QueryType;
  /** `name:sample_type:sample_unit:period_type:period_unit` */
  profileTypeId: string;
  /** Prometheus-style selector, e.g. `{service_name="checkout", region=~"eu-.*"}` */
  labelSelector: string;
  /** Labels to split the time series by. */
  groupBy?: string[];
  /** Keep only the top N series. */
  limit?: number;
  /** Flame graph size cap sent to Pyroscope; the datasource default when unset. */
  maxNodes?: number;
  /** The comparison side of a `diff` query. */
  right?: DiffRight;
  /** Only the samples of these spans (16-hex-digit span ids), as Tempo's trace-to-profiles link sends them. */
  spanSelector?: string[];
  /** Only these profiles (an exemplar's link to the flame graph of exactly its profile). */
  profileIdSelector?: string[];
}

export interface DiffRight {
  labelSelector: string;
  /** Moves the right-hand time window back, e.g. `7d`, `1h`. */
  timeShift?: string;
}

export const defaultQuery: Partial<EmbersQuery> = {
  queryType: 'both',
  labelSelector: '{}',
};

/** Non-secret settings, in `jsonData` (pkg/models/settings.go reads the same fields). */
export interface EmbersDataSourceOptions extends DataSourceJsonData {
  /** Sent as `X-Scope-OrgID` to multi-tenant Pyroscope. */
  tenantId?: string;
  /** Seconds; a NUMBER (the SDK ignores a string). Default 30. */
  timeout?: number;
  /** Smallest series step, a Grafana duration such as `15s`. Default `15s`. */
  minStep?: string;
  /** Default flame graph max nodes. Default 16384. */
  maxNodes?: number;
  /** `none` | `basic` | `bearer` */
  authType?: 'none' | 'basic' | 'bearer';
}

/** Secrets, in `secureJsonData`: never read back by the browser. */
export interface EmbersSecureJsonData {
  basicAuthPassword?: string;
  bearerToken?: string;
}

/** `GET resources/profileTypes?from=<ms>&to=<ms>` answers a list of these. */
export interface ProfileTypeInfo {
  id: string;
  name: string;
  sampleType: string;
  sampleUnit: string;
  periodType: string;
  periodUnit: string;
}

/** What a dashboard variable of this data source lists. */
export type VariableQueryKind = 'profileTypes' | 'labelNames' | 'labelValues';

export interface EmbersVariableQuery extends DataQuery {
  kind: VariableQueryKind;
  /** For `labelValues`: the label whose values to list. */
  labelName?: string;
  /** Optional scope for label names/values, e.g. `{service_name="$service"}`. */
  labelSelector?: string;
  /** Optional profile type scope for label names/values. */
  profileTypeId?: string;
}
