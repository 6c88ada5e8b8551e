import React, { useState } from 'react';
import { Field, Input, MultiCombobox, Stack } from '@grafana/ui';

import { ruleMessage } from '../../shared/messages';
import { MAX_NODES_LIMIT, MAX_SERIES_LIMIT } from '../constants';
import { EmbersQuery } from '../types';

interface Props {
  query: EmbersQuery;
  labelNames: string[];
  defaultMaxNodes: number;
  onChange: (patch: Partial<EmbersQuery>, run: boolean) => void;
}

/** Empty or 0 keeps every series, as the backend reads a limit of 0. */
export function validateLimit(text: string): string | undefined {
  if (text === '') {
    return undefined;
  }
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= MAX_SERIES_LIMIT ? undefined : ruleMessage('seriesLimitRange');
}

export function validateQueryMaxNodes(text: string): string | undefined {
  if (text === '') {
    return undefined;
  }
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= MAX_NODES_LIMIT ? undefined : ruleMessage('maxNodesRange');
}

/** A number input that commits on blur when valid and says why when not. */
function NumberField(props: {
  id: string;
  label: string;
  description: string;
  value?: number;
  placeholder: string;
  validate: (text: string) => string | undefined;
  onCommit: (value: number | undefined) => void;
}) {
  const saved = props.value === undefined ? '' : String(props.value);
  const [text, setText] = useState(saved);
  // A new value from outside (query history, another query) replaces the draft.
  const [shown, setShown] = useState(saved);
  if (saved !== shown) {
    setShown(saved);
    setText(saved);
  }
  const error = props.validate(text);
  return (
    <Field label={props.label} description={props.description} invalid={Boolean(error)} error={error}>
      <Input
        id={props.id}
        type="number"
        width={16}
        value={text}
        placeholder={props.placeholder}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() =>
          !error &&
          (text === '' ? undefined : Number(text)) !== props.value &&
          props.onCommit(text === '' ? undefined : Number(text))
        }
      />
    </Field>
  );
}

/** Group by and limit (for series), max nodes (for flame graphs). */
export function QueryOptionsRow({ query, labelNames, defaultMaxNodes, onChange }: Props) {
  const series = query.queryType !== 'profile' && query.queryType !== 'diff';
  const flame = query.queryType !== 'metrics';
  return (
    <Stack gap={2} wrap="wrap">
      {series && (
        <Field label="Group by" description="Labels that split the series" htmlFor="embers-group-by">
          <MultiCombobox
            id="embers-group-by"
            options={labelNames.map((n) => ({ label: n, value: n }))}
            value={query.groupBy ?? []}
            createCustomValue
            width={40}
            placeholder="No grouping"
            onChange={(items) => onChange({ groupBy: items.map((i) => i.value).filter(Boolean) }, true)}
          />
        </Field>
      )}
      {series && (
        <NumberField
          id="embers-limit"
          label="Limit"
          description="Keep the top N series"
          value={query.limit}
          placeholder="all"
          validate={validateLimit}
          onCommit={(limit) => onChange({ limit }, true)}
        />
      )}
      {flame && (
        <NumberField
          id="embers-max-nodes"
          label="Max nodes"
          description="Flame graph size cap"
          value={query.maxNodes}
          placeholder={String(defaultMaxNodes)}
          validate={validateQueryMaxNodes}
          onCommit={(maxNodes) => onChange({ maxNodes }, true)}
        />
      )}
    </Stack>
  );
}
