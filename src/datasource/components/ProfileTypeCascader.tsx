import React, { useMemo } from 'react';
import { Cascader, CascaderOption } from '@grafana/ui';

import { ProfileTypeInfo } from '../types';

interface Props {
  profileTypes: ProfileTypeInfo[];
  value: string;
  onChange: (profileTypeId: string) => void;
  variables: string[];
}

/** Groups profile types by profile name, then sample type: process_cpu → cpu, memory → alloc_space … */
export function groupProfileTypes(types: ProfileTypeInfo[]): CascaderOption[] {
  const groups = new Map<string, CascaderOption[]>();
  for (const t of types) {
    const items = groups.get(t.name) ?? [];
    items.push({ value: t.id, label: t.sampleType, title: t.id });
    groups.set(t.name, items);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, items]) => ({ value: name, label: name, items }));
}

/** The cpu profile when there is one, else the first type. */
export function defaultProfileType(types: ProfileTypeInfo[]): string | undefined {
  return (types.find((t) => t.id.startsWith('process_cpu:cpu:')) ?? types[0])?.id;
}

export function ProfileTypeCascader({ profileTypes, value, onChange, variables }: Props) {
  const options = useMemo(() => {
    const grouped = groupProfileTypes(profileTypes);
    if (variables.length > 0) {
      grouped.push({
        value: '__variables',
        label: 'Variables',
        items: variables.map((v) => ({ value: `$${v}`, label: `$${v}` })),
      });
    }
    return grouped;
  }, [profileTypes, variables]);

  return (
    // Cascader fills its box: the box sets its width.
    <div style={{ width: 320 }}>
      <Cascader
        // Cascader reads initialValue once: remount when the value changes from outside.
        key={value}
        id="embers-profile-type"
        options={options}
        initialValue={value}
        displayAllSelectedLevels
        separator=" / "
        allowCustomValue
        placeholder="Choose a profile type"
        onSelect={(v) => v && v !== value && onChange(v)}
      />
    </div>
  );
}
