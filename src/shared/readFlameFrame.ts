import { DataFrame, Field, FieldType } from '@grafana/data';
import { FlameColumns } from './flameColumns';

export const WRONG_FRAME_MESSAGE =
  'This panel needs a flame graph frame with level, value, self and label fields';

const REQUIRED = ['level', 'value', 'self', 'label'];

/**
 * Reads a nested-set flame graph frame (ours or Grafana's built-in Pyroscope
 * data source's) into columns. Labels may be an enum field (names in
 * config.type.enum.text, values are indices) or a plain string field.
 */
export function readFlameFrame(frame: DataFrame): FlameColumns | { error: string } {
  const byName = new Map<string, Field>();
  for (const field of frame.fields) {
    byName.set(field.name, field);
  }
  const missing = REQUIRED.filter((name) => !byName.has(name));
  if (missing.length > 0) {
    return { error: `${WRONG_FRAME_MESSAGE} (missing: ${missing.join(', ')}).` };
  }
  const level = byName.get('level')!;
  const value = byName.get('value')!;
  const self = byName.get('self')!;
  const labelField = byName.get('label')!;
  for (const field of [level, value, self]) {
    if (field.type !== FieldType.number) {
      return { error: `${WRONG_FRAME_MESSAGE} (the ${field.name} field holds ${field.type}, not numbers).` };
    }
  }
  const label = labelReader(labelField);
  if (typeof label !== 'function') {
    return label;
  }
  const valueRight = byName.get('valueRight');
  const selfRight = byName.get('selfRight');
  const isDiff = valueRight?.type === FieldType.number && selfRight?.type === FieldType.number;
  return {
    length: frame.length ?? level.values.length,
    level: level.values,
    value: value.values,
    self: self.values,
    valueRight: isDiff ? valueRight.values : undefined,
    selfRight: isDiff ? selfRight.values : undefined,
    label,
    unit: value.config?.unit || 'short',
  };
}

function labelReader(field: Field): ((i: number) => string) | { error: string } {
  const values = field.values as unknown[];
  const names = field.config?.type?.enum?.text;
  if (field.type === FieldType.enum || (names && field.type === FieldType.number)) {
    const text = names ?? [];
    return (i) => {
      const name = text[values[i] as number];
      return name === undefined ? String(values[i] ?? '') : String(name);
    };
  }
  if (field.type === FieldType.string) {
    return (i) => String(values[i] ?? '');
  }
  return { error: `${WRONG_FRAME_MESSAGE} (the label field holds ${field.type}, not names).` };
}

/** True for a frame shaped like a flame graph (name, preferred visualisation or fields). */
export function isFlameFrame(frame: DataFrame): boolean {
  if (frame.name === 'flamegraph' || frame.meta?.preferredVisualisationType === 'flamegraph') {
    return true;
  }
  const names = new Set(frame.fields.map((f) => f.name));
  return REQUIRED.every((name) => names.has(name));
}

/** The flame graph frame among a query response's frames, if there is one. */
export function findFlameFrame(series: DataFrame[]): DataFrame | undefined {
  return series.find(isFlameFrame);
}
