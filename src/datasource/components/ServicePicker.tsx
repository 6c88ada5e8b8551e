import React from 'react';
import { Select } from '@grafana/ui';

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
    <Select
      inputId="embers-service"
      aria-label="Service"
      options={options}
      value={value ? { label: value, value } : null}
      isLoading={loading}
      allowCustomValue
      placeholder={loading ? 'Loading services…' : 'Choose a service'}
      noOptionsMessage="No services with this profile type in the time range"
      width={32}
      onChange={(v) => v?.value && onChange(v.value)}
    />
  );
}
