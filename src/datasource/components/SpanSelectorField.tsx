import React, { useState } from 'react';
import { Field, Input } from '@grafana/ui';

import { parseSpanIds, spanSelectorProblem } from '../rules';

interface Props {
  value?: string[];
  onCommit: (spanSelector: string[] | undefined) => void;
}

/** Span ids whose samples alone make the flame graph; empty means every sample. */
export function SpanSelectorField({ value, onCommit }: Props) {
  const saved = (value ?? []).join(', ');
  const [text, setText] = useState(saved);
  // A new value from outside (a trace link, query history) replaces the draft.
  const [shown, setShown] = useState(saved);
  if (saved !== shown) {
    setShown(saved);
    setText(saved);
  }
  const ids = parseSpanIds(text);
  const error = spanSelectorProblem(ids);
  return (
    <Field
      label="Span selector"
      description="Span ids (16 hex digits, comma separated): only their samples"
      invalid={Boolean(error)}
      error={error ? `The ${error}` : undefined}
    >
      <Input
        id="embers-span-selector"
        width={40}
        value={text}
        placeholder="all spans"
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => !error && ids.join(', ') !== saved && onCommit(ids.length ? ids : undefined)}
      />
    </Field>
  );
}
