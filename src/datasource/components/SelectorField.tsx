import React from 'react';
import { Field } from '@grafana/ui';

import { CompletionContext, isVariableSelector, parseSelector, serviceNameOf, Suggestion } from '../selector';
import { SelectorInput } from './SelectorInput';

interface Props {
  id: string;
  label: string;
  value: string;
  onCommit: (text: string) => void;
  loadSuggestions: (ctx: CompletionContext) => Promise<Suggestion[]>;
}

export const MISSING_SERVICE_HINT =
  'No service_name="…" in the selector: Pyroscope 2 answers it from compacted data only, so the newest data is missing. Name the service to see it.';

/** The selector input with its syntax error (shown once committed) and the service hint. */
export function SelectorField({ id, label, value, onCommit, loadSuggestions }: Props) {
  const error = value.trim() === '' ? undefined : parseSelector(value).error;
  const empty = value.trim() === '';
  // A whole-selector variable may well name the service; only its value can tell.
  const hint =
    !error && !empty && !isVariableSelector(value) && serviceNameOf(value) === undefined
      ? MISSING_SERVICE_HINT
      : undefined;
  return (
    <div>
      <Field
        label={label}
        description={
          empty
            ? 'Empty: nothing runs. Type { for label suggestions, or {} for every service.'
            : 'Shift+Enter or leaving the field runs the query.'
        }
        invalid={Boolean(error)}
        error={error?.message}
      >
        <SelectorInput
          id={id}
          aria-label={label}
          value={value}
          invalid={Boolean(error)}
          placeholder='{service_name="my-service"}'
          onCommit={onCommit}
          loadSuggestions={loadSuggestions}
        />
      </Field>
      {hint && (
        <div role="note" style={{ marginTop: -8, marginBottom: 8, fontSize: '0.85em', opacity: 0.8 }}>
          {hint}
        </div>
      )}
    </div>
  );
}
