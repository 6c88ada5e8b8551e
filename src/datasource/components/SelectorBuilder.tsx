import React, { useEffect, useState } from 'react';
import { Button, Combobox, ComboboxOption, IconButton, Stack, Text } from '@grafana/ui';

import {
  buildSelector,
  escapeRegex,
  isRegexOp,
  MatcherInput,
  MatchOp,
  OPERATORS,
  parseSelector,
  tokenize,
} from '../selector';

interface Props {
  value: string;
  labelNames: string[];
  loadValues: (label: string) => Promise<string[]>;
  onCommit: (selector: string) => void;
}

const OP_OPTIONS: Array<ComboboxOption<MatchOp>> = OPERATORS.map(({ op, detail }) => ({
  label: op,
  value: op as MatchOp,
  description: detail,
}));

const toOptions = (values: string[]) => values.map((v) => ({ label: v, value: v }));

/** The selector as rows of label, operator and value, like Grafana's Loki and Prometheus builders. */
export function SelectorBuilder({ value, labelNames, loadValues, onCommit }: Props) {
  // A new row changes the query only once it has a value.
  const [draft, setDraft] = useState<MatcherInput | null>(null);
  const parsed = parseSelector(value.trim() === '' ? '{}' : value);
  if (tokenize(value).some((t) => t.kind === 'variable')) {
    // Rows hold matchers only: any edit would drop a variable that stands for matchers
    // (`{service_name="a", $filters}`) or for the whole selector (`$selector`).
    return (
      <Text color="secondary" variant="bodySmall">
        {`The builder cannot show variables that stand for matchers (${value.trim()}); switch to Code to change it.`}
      </Text>
    );
  }
  if (parsed.error) {
    return (
      <Text color="warning" variant="bodySmall">
        {`The builder cannot show this selector: ${parsed.error.message}. Switch to Code to fix it.`}
      </Text>
    );
  }
  const rows: MatcherInput[] = parsed.matchers.map((m) => ({ key: m.name, op: m.op, value: m.value }));
  const commit = (next: MatcherInput[]) => onCommit(buildSelector(next));

  return (
    <Stack direction="column" gap={1}>
      {rows.map((row, i) => (
        <MatcherRow
          key={i}
          id={`embers-builder-${i}`}
          row={row}
          labelNames={labelNames}
          loadValues={loadValues}
          onChange={(next) => commit(rows.map((r, j) => (j === i ? next : r)))}
          onRemove={() => commit(rows.filter((_, j) => j !== i))}
        />
      ))}
      {draft && (
        <MatcherRow
          id="embers-builder-new"
          row={draft}
          labelNames={labelNames}
          loadValues={loadValues}
          onChange={(next) => {
            if (next.value === '') {
              setDraft(next);
              return;
            }
            setDraft(null);
            commit([...rows, next]);
          }}
          onRemove={() => setDraft(null)}
        />
      )}
      <div>
        <Button
          variant="secondary"
          size="sm"
          icon="plus"
          disabled={labelNames.length === 0 || draft !== null}
          onClick={() => {
            const used = new Set(rows.map((r) => r.key));
            setDraft({ key: labelNames.find((n) => !used.has(n)) ?? labelNames[0], op: '=', value: '' });
          }}
        >
          Add label filter
        </Button>
      </div>
    </Stack>
  );
}

interface RowProps {
  id: string;
  row: MatcherInput;
  labelNames: string[];
  loadValues: (label: string) => Promise<string[]>;
  onChange: (row: MatcherInput) => void;
  onRemove: () => void;
}

function MatcherRow({ id, row, labelNames, loadValues, onChange, onRemove }: RowProps) {
  const [values, setValues] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    loadValues(row.key)
      .then((v) => live && setValues(v))
      .catch(() => live && setValues([]));
    return () => {
      live = false;
    };
  }, [row.key, loadValues]);

  return (
    <Stack gap={1} alignItems="center">
      <Combobox
        id={`${id}-label`}
        options={toOptions(labelNames)}
        value={row.key}
        createCustomValue
        width={28}
        onChange={(o) => onChange({ ...row, key: o.value })}
      />
      <Combobox
        id={`${id}-op`}
        options={OP_OPTIONS}
        value={row.op}
        width={10}
        onChange={(o) => onChange({ ...row, op: o.value })}
      />
      <Combobox
        id={`${id}-value`}
        options={toOptions(values)}
        value={row.value || null}
        createCustomValue
        placeholder="value"
        width={32}
        onChange={(o) => {
          // A listed value under a regex operator must match itself, not act as a pattern.
          const picked = values.includes(o.value) && isRegexOp(row.op) ? escapeRegex(o.value) : o.value;
          onChange({ ...row, value: picked });
        }}
      />
      <IconButton name="times" tooltip={`Remove ${row.key}`} onClick={onRemove} />
    </Stack>
  );
}
