import { TimeRange } from '@grafana/data';

import type { LabelQuery } from '../resources';
import type { ProfileTypeInfo } from '../types';

/** What the query editor needs from the data source (the e2e harness passes a stub with the same shape). */
export interface EditorDataSource {
  defaultMaxNodes: number;
  getProfileTypes(range?: TimeRange): Promise<ProfileTypeInfo[]>;
  getLabelNames(q: LabelQuery): Promise<string[]>;
  getLabelValues(label: string, q: LabelQuery): Promise<string[]>;
  getVariableNames(): string[];
}
