import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CoreApp, QueryEditorProps, SelectableValue } from '@grafana/data';
import { Alert, Field, RadioButtonGroup, Stack } from '@grafana/ui';

import type { PyroscopeDataSource } from '../datasource';
import { isRunnable, whyNotRunnable } from '../runnable';
import { buildSelector, serviceNameOf, setServiceName } from '../selector';
import { EmbersDataSourceOptions, EmbersQuery, QueryType } from '../types';
import { DiffRow } from './DiffRow';
import { EditorDataSource } from './editorDataSource';
import { defaultProfileType, ProfileTypeCascader } from './ProfileTypeCascader';
import { QueryOptionsRow } from './QueryOptionsRow';
import { SelectorBuilder } from './SelectorBuilder';
import { SelectorField } from './SelectorField';
import { ServicePicker } from './ServicePicker';
import { SpanSelectorField } from './SpanSelectorField';
import { useCompletion, useLabelNames, useProfileTypes, useServices } from './useEditorData';

export type Props = QueryEditorProps<PyroscopeDataSource, EmbersQuery, EmbersDataSourceOptions>;

const QUERY_TYPES: Array<SelectableValue<QueryType>> = [
  { label: 'Profile', value: 'profile', description: 'Flame graph' },
  { label: 'Metrics', value: 'metrics', description: 'Time series' },
  { label: 'Both', value: 'both', description: 'Time series and flame graph' },
  { label: 'Diff', value: 'diff', description: 'Flame graph of two selections compared' },
];

type EditorMode = 'code' | 'builder';
const MODES: Array<SelectableValue<EditorMode>> = [
  { label: 'Code', value: 'code', description: 'Type the selector, with suggestions' },
  { label: 'Builder', value: 'builder', description: 'Pick labels, operators and values from lists' },
];

/** A new diff compares the same selection with a week earlier. */
function defaultRight(q: EmbersQuery) {
  return { labelSelector: q.labelSelector, timeShift: '7d' };
}

export function QueryEditor(props: Props) {
  const { onChange, onRunQuery, range, app } = props;
  const ds = props.datasource as unknown as EditorDataSource;
  const alerting = app === CoreApp.UnifiedAlerting;
  const query: EmbersQuery = {
    ...props.query,
    queryType: alerting ? 'metrics' : (props.query.queryType ?? 'both'),
    labelSelector: props.query.labelSelector ?? '',
  };
  const variables = useMemo(() => ds.getVariableNames(), [ds]);
  const service = serviceNameOf(query.labelSelector);
  const scope = service !== undefined ? buildSelector([{ key: 'service_name', op: '=', value: service }]) : '';

  const profileTypes = useProfileTypes(ds, range);
  const services = useServices(ds, query.profileTypeId, range);
  const labelNames = useLabelNames(ds, query.profileTypeId, scope, range);
  const loadSuggestions = useCompletion(ds, query.profileTypeId, scope, range);

  // Patches made in the same tick (defaults) build on each other, not on a stale prop.
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
  });
  const update = (patch: Partial<EmbersQuery>, run = true) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    onChange(next);
    if (run && isRunnable(next)) {
      onRunQuery();
    }
  };

  // Alert rules read only series: a pasted profile/both/diff query becomes metrics.
  const wrongForAlerting = alerting && props.query.queryType !== 'metrics';
  useEffect(() => {
    if (wrongForAlerting) {
      update({ queryType: 'metrics' }, false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wrongForAlerting]);

  // A new query gets the cpu profile type (or the first), then the first service.
  const isNew = !props.query.profileTypeId;
  const typeDefault = profileTypes.value ? defaultProfileType(profileTypes.value) : undefined;
  useEffect(() => {
    if (isNew && typeDefault) {
      update({ profileTypeId: typeDefault }, false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isNew, typeDefault]);
  const firstService = services.value?.[0];
  const needsService =
    serviceNameOf(query.labelSelector) === undefined && ['', '{}'].includes(query.labelSelector.trim());
  // Only a new query (no profile type yet) without a service gets one, and only once:
  // a saved `{}` stays as it was saved.
  const autoService = useRef(needsService && !props.query.profileTypeId);
  useEffect(() => {
    if (autoService.current && needsService && firstService) {
      autoService.current = false;
      update({ labelSelector: setServiceName(latest.current.labelSelector, firstService) });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [needsService, firstService]);

  const notRunning = whyNotRunnable(query);
  const [mode, setMode] = useState<EditorMode>('code');
  const commitSelector = (labelSelector: string) => {
    autoService.current = false;
    update({ labelSelector });
  };
  const loadValues = useCallback(
    (label: string) =>
      ds.getLabelValues(label, {
        range,
        profileTypeId: query.profileTypeId,
        selector: label === 'service_name' ? undefined : scope,
      }),
    [ds, range, query.profileTypeId, scope]
  );

  return (
    <Stack direction="column" gap={1}>
      <Stack gap={2} wrap="wrap" alignItems="flex-end">
        <Field label="Query type" description="What the query returns">
          <RadioButtonGroup
            options={alerting ? QUERY_TYPES.filter((o) => o.value === 'metrics') : QUERY_TYPES}
            value={query.queryType}
            onChange={(queryType) =>
              update({ queryType, right: queryType === 'diff' ? (query.right ?? defaultRight(query)) : query.right })
            }
          />
        </Field>
        <Field label="Profile type" description="Profile, then sample type">
          <ProfileTypeCascader
            profileTypes={profileTypes.value ?? []}
            value={query.profileTypeId}
            variables={variables}
            onChange={(profileTypeId) => update({ profileTypeId })}
          />
        </Field>
        <Field label="Service" description="service_name of the selector" htmlFor="embers-service">
          <ServicePicker
            services={services.value ?? []}
            value={service}
            loading={services.loading}
            variables={variables}
            onChange={(s) => {
              autoService.current = false;
              update({ labelSelector: setServiceName(query.labelSelector, s) });
            }}
          />
        </Field>
      </Stack>
      {(profileTypes.error || services.error) && (
        <Alert severity="error" title="Could not load the editor's choices">
          {profileTypes.error ?? services.error}
        </Alert>
      )}
      <RadioButtonGroup size="sm" options={MODES} value={mode} onChange={setMode} />
      {mode === 'code' ? (
        <SelectorField
          id="embers-label-selector"
          label={query.queryType === 'diff' ? 'Left-hand selector' : 'Label selector'}
          value={query.labelSelector}
          loadSuggestions={loadSuggestions}
          onCommit={commitSelector}
        />
      ) : (
        <SelectorBuilder
          value={query.labelSelector}
          labelNames={labelNames.value ?? []}
          loadValues={loadValues}
          onCommit={commitSelector}
        />
      )}
      {query.queryType === 'diff' && (
        <DiffRow
          left={query.labelSelector}
          right={query.right ?? { labelSelector: query.labelSelector }}
          loadSuggestions={loadSuggestions}
          onChange={(right) => update({ right })}
        />
      )}
      {notRunning && (
        <div role="status" style={{ fontSize: '0.85em' }}>
          {`This query does not run. ${notRunning}`}
        </div>
      )}
      <QueryOptionsRow
        query={query}
        labelNames={labelNames.value ?? []}
        defaultMaxNodes={ds.defaultMaxNodes}
        onChange={update}
      />
      {(query.queryType === 'profile' || query.queryType === 'both') && (
        <SpanSelectorField value={query.spanSelector} onCommit={(spanSelector) => update({ spanSelector })} />
      )}
    </Stack>
  );
}
