import React, { useState } from 'react';
import { Field, Input, Stack, Text } from '@grafana/ui';

import { ruleMessage } from '../../shared/messages';
import { parseDuration } from '../rules';
import { CompletionContext, hasTemplateVariable, Suggestion } from '../selector';
import { DiffRight } from '../types';
import { SelectorField } from './SelectorField';

interface Props {
  left: string;
  right: DiffRight;
  onChange: (right: DiffRight) => void;
  loadSuggestions: (ctx: CompletionContext) => Promise<Suggestion[]>;
}

export function validateTimeShift(text: string): string | undefined {
  // A variable such as $shift is interpolated before the query runs; the backend checks its value.
  if (text === '' || hasTemplateVariable(text) || 'seconds' in parseDuration(text)) {
    return undefined;
  }
  return ruleMessage('timeShiftNotDuration', text);
}

export function diffSummary(left: string, right: DiffRight): string {
  const when = right.timeShift ? `${right.timeShift} earlier` : 'the same range';
  return `Left (baseline): ${left || '{}'} over the selected range · Right (comparison): ${right.labelSelector || '{}'} over ${when}`;
}

/** The comparison side of a diff: its own selector and an optional time shift. */
export function DiffRow({ left, right, onChange, loadSuggestions }: Props) {
  const saved = right.timeShift ?? '';
  const [shift, setShift] = useState(saved);
  // A new value from outside (query history, another query) replaces the draft.
  const [shown, setShown] = useState(saved);
  if (saved !== shown) {
    setShown(saved);
    setShift(saved);
  }
  const shiftError = validateTimeShift(shift);
  return (
    <Stack direction="column" gap={1}>
      <Stack gap={2} wrap="wrap">
        <SelectorField
          id="embers-right-selector"
          label="Right-hand selector"
          value={right.labelSelector}
          loadSuggestions={loadSuggestions}
          onCommit={(labelSelector) => onChange({ ...right, labelSelector })}
        />
        <Field
          label="Time shift"
          description="Moves the right-hand window back"
          invalid={Boolean(shiftError)}
          error={shiftError}
        >
          <Input
            id="embers-time-shift"
            width={12}
            value={shift}
            placeholder="none"
            onChange={(e) => setShift(e.currentTarget.value.trim())}
            onBlur={() =>
              !shiftError && shift !== saved && onChange({ ...right, timeShift: shift || undefined })
            }
          />
        </Field>
      </Stack>
      <div data-testid="diff-summary">
        <Text color="secondary" variant="bodySmall">
          {diffSummary(left, right)}
        </Text>
      </div>
    </Stack>
  );
}
