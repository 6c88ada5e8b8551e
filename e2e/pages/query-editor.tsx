// Harness for the datasource query editor: the real QueryEditor with a stub data
// source whose resource calls answer canned data (profile types as the real server
// listed them; labels service_name and region). The page shows the query model the
// editor produces in <pre data-testid="query-model"> and counts the runs.
import { CoreApp, dateTime, TimeRange } from '@grafana/data';
import React, { useState } from 'react';
import { QueryEditor } from '../../src/datasource/components/QueryEditor';
import type { EditorDataSource } from '../../src/datasource/components/editorDataSource';
import type { PyroscopeDataSource } from '../../src/datasource/datasource';
import { profileTypesOf } from '../../src/datasource/testing/profileTypesOf';
import type { EmbersQuery, ProfileTypeInfo } from '../../src/datasource/types';
import recorded from '../../testdata/recorded/profile-types.json';
import { mount } from './lib/mount';

const profileTypes: ProfileTypeInfo[] = profileTypesOf(recorded.response);

const LABEL_VALUES: Record<string, string[]> = {
  service_name: ['ride-sharing-app', 'checkout'],
  region: ['eu-west', 'us-east'],
};

/** Resource answers arrive a little later, as they would from a server. */
const later = <T,>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 20));

const calls: Array<{ resource: string; label?: string; selector?: string; profileTypeId?: string }> = [];

const datasource: EditorDataSource = {
  defaultMaxNodes: 16384,
  getProfileTypes: () => later(profileTypes),
  getLabelNames: (q) => {
    calls.push({ resource: 'labelNames', selector: q.selector, profileTypeId: q.profileTypeId });
    return later(['region', 'service_name']);
  },
  getLabelValues: (label, q) => {
    calls.push({ resource: 'labelValues', label, selector: q.selector, profileTypeId: q.profileTypeId });
    return later(LABEL_VALUES[label] ?? []);
  },
  getVariableNames: () => [],
};

const to = dateTime(Date.UTC(2026, 10, 25, 12, 0, 0));
const range: TimeRange = { from: dateTime(to).subtract(1, 'hour'), to, raw: { from: 'now-1h', to: 'now' } };

function Harness() {
  const [query, setQuery] = useState<EmbersQuery>({
    refId: 'A',
    queryType: 'both',
    profileTypeId: '',
    labelSelector: '{}',
  });
  const [runs, setRuns] = useState(0);
  (window as unknown as { __calls: unknown }).__calls = calls;
  return (
    <div style={{ width: 1100 }} data-testid="harness-editor">
      <QueryEditor
        datasource={datasource as unknown as PyroscopeDataSource}
        query={query}
        range={range}
        app={CoreApp.Explore}
        onChange={setQuery}
        onRunQuery={() => setRuns((n) => n + 1)}
      />
      <pre data-testid="query-model" style={{ marginTop: 120, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {JSON.stringify(query)}
      </pre>
      <div data-testid="run-count">{runs}</div>
    </div>
  );
}

mount(<Harness />);
