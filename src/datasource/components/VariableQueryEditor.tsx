import React, { useEffect, useState } from 'react';
import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { Combobox, ComboboxOption, Field, Input, RadioButtonGroup, Stack } from '@grafana/ui';

import type { PyroscopeDataSource } from '../datasource';
import { shortProfileType } from '../queryDisplayText';
import { normalizeVariableQuery } from '../variables/normalizeVariableQuery';
import { parseSelector } from '../selector';
import { EmbersDataSourceOptions, EmbersQuery, EmbersVariableQuery, VariableQueryKind } from '../types';

type Props = QueryEditorProps<PyroscopeDataSource, EmbersQuery, EmbersDataSourceOptions, EmbersVariableQuery>;

const KINDS: Array<SelectableValue<VariableQueryKind>> = [
  { label: 'Profile types', value: 'profileTypes' },
  { label: 'Label names', value: 'labelNames' },
  { label: 'Label values', value: 'labelValues' },
];

const toOptions = (values: string[]) => values.map((v) => ({ label: v, value: v }));

export function VariableQueryEditor({ query, onChange, datasource, range }: Props) {
  const current: EmbersVariableQuery = normalizeVariableQuery(query);
  const [selector, setSelector] = useState(current.labelSelector ?? '');
  const [profileTypes, setProfileTypes] = useState<ComboboxOption[]>([]);
  const [labelNames, setLabelNames] = useState<ComboboxOption[]>([]);
  const [typesError, setTypesError] = useState<string>();
  const [namesError, setNamesError] = useState<string>();

  const selectorError = selector.trim() === '' ? undefined : parseSelector(selector).error?.message;
  const scoped = current.kind !== 'profileTypes';

  useEffect(() => {
    if (!scoped) {
      return;
    }
    datasource
      .getProfileTypes(range)
      .then((types) => {
        setProfileTypes(types.map((t) => ({ label: shortProfileType(t.id), value: t.id })));
        setTypesError(undefined);
      })
      .catch((e: Error) => setTypesError(e.message));
  }, [datasource, range, scoped]);

  useEffect(() => {
    if (current.kind !== 'labelValues') {
      return;
    }
    datasource
      .getLabelNames({ range, profileTypeId: current.profileTypeId, selector: current.labelSelector })
      .then((names) => {
        setLabelNames(toOptions(names));
        setNamesError(undefined);
      })
      .catch((e: Error) => setNamesError(e.message));
  }, [datasource, range, current.kind, current.profileTypeId, current.labelSelector]);

  // Each list's error shows while that list is on screen, and goes once it loads.
  const loadError = (current.kind === 'labelValues' ? namesError : undefined) ?? (scoped ? typesError : undefined);
  const update = (patch: Partial<EmbersVariableQuery>) => onChange({ ...current, ...patch });

  return (
    <Stack direction="column" gap={1}>
      <Field label="List">
        <RadioButtonGroup options={KINDS} value={current.kind} onChange={(kind) => update({ kind })} />
      </Field>
      {current.kind === 'labelValues' && (
        <Field label="Label" description="The label whose values the variable lists" htmlFor="embers-variable-label">
          <Combobox
            id="embers-variable-label"
            options={labelNames}
            value={current.labelName ?? null}
            createCustomValue
            onChange={(v) => update({ labelName: v.value })}
            width={40}
          />
        </Field>
      )}
      {scoped && (
        <Field
          label="Profile type"
          description="Optional: only labels seen with this profile type"
          htmlFor="embers-variable-profile-type"
        >
          <Combobox
            id="embers-variable-profile-type"
            options={profileTypes}
            value={current.profileTypeId ?? null}
            createCustomValue
            isClearable
            onChange={(v) => update({ profileTypeId: v?.value || undefined })}
            width={40}
          />
        </Field>
      )}
      <Field
        label="Label selector"
        description={
          scoped
            ? 'Optional scope, e.g. {service_name="$service"}'
            : 'Optional: only the types sent under it, e.g. {service_name="$service"}'
        }
        invalid={Boolean(selectorError)}
        error={selectorError}
      >
        <Input
          aria-label="Variable label selector"
          value={selector}
          onChange={(e) => setSelector(e.currentTarget.value)}
          onBlur={() => !selectorError && update({ labelSelector: selector })}
          width={60}
        />
      </Field>
      {loadError && <div role="alert">{loadError}</div>}
    </Stack>
  );
}
