import React from 'react';
import { Combobox } from '@grafana/ui';

interface Props {
  services: string[];
  value?: string;
  loading: boolean;
  onChange: (service: string) => void;
  variables: string[];
}

/** Picks the `service_name` of the selector; Pyroscope 2 shows the newest data only for a named service. */
export function ServicePicker({ services, value, loading, onChange, variables }: Props) {
  const options = [
    ...services.map((s) => ({ label: s, value: s })),
    ...variables.map((v) => ({ label: `$${v}`, value: `$${v}`, description: 'variable' })),
  ];
  return (
    <Combobox
      id="embers-service"
      options={options}
      value={value ?? null}
      loading={loading}
      createCustomValue
      placeholder={loading ? 'Loading services…' : 'Choose a service'}
      width={32}
      onChange={(v) => v.value && v.value !== value && onChange(v.value)}
    />
  );
}
