import React, { useState } from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { ConfigSection } from '@grafana/plugin-ui';
import { Field, Input } from '@grafana/ui';

import { DEFAULT_MAX_NODES, MAX_NODES_LIMIT } from '../constants';
import { EmbersDataSourceOptions, EmbersSecureJsonData } from '../types';
import { validateMaxNodes, validateMinStep, validateTenantId } from './configValidation';

type Props = DataSourcePluginOptionsEditorProps<EmbersDataSourceOptions, EmbersSecureJsonData>;

/** Tenant, min step and default max nodes: the settings every query uses. */
export function QuerySettingsSection({ options, onOptionsChange }: Props) {
  const { jsonData } = options;
  // Keep what was typed so a half-typed number is not thrown away; store only numbers.
  const [maxNodesText, setMaxNodesText] = useState(jsonData.maxNodes === undefined ? '' : String(jsonData.maxNodes));
  const setJson = (patch: Partial<EmbersDataSourceOptions>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });

  const tenantError = validateTenantId(jsonData.tenantId);
  const minStepError = validateMinStep(jsonData.minStep);
  const maxNodesError = maxNodesText === '' ? undefined : validateMaxNodes(Number(maxNodesText));

  return (
    <ConfigSection title="Pyroscope" description="Tenant and defaults for every query of this data source.">
      <Field
        label="Tenant ID"
        description="Sent as the X-Scope-OrgID header. Needed when Pyroscope runs multi-tenant; leave empty otherwise (it then uses the tenant anonymous)."
        invalid={Boolean(tenantError)}
        error={tenantError}
      >
        <Input
          id="embers-tenant-id"
          value={jsonData.tenantId ?? ''}
          placeholder="e.g. team-a"
          width={40}
          onChange={(e) => setJson({ tenantId: e.currentTarget.value || undefined })}
        />
      </Field>
      <Field
        label="Min step"
        description="Smallest time step of the series, a duration such as 15s or 1m. Default 15s."
        invalid={Boolean(minStepError)}
        error={minStepError}
      >
        <Input
          id="embers-min-step"
          value={jsonData.minStep ?? ''}
          placeholder="15s"
          width={20}
          onChange={(e) => setJson({ minStep: e.currentTarget.value || undefined })}
        />
      </Field>
      <Field
        label="Default max nodes"
        description={`Flame graph size cap sent to Pyroscope when a query does not set one (1 to ${MAX_NODES_LIMIT.toLocaleString('en-US')}). Smaller draws faster; small functions merge into "other".`}
        invalid={Boolean(maxNodesError)}
        error={maxNodesError}
      >
        <Input
          id="embers-max-nodes"
          type="number"
          value={maxNodesText}
          placeholder={String(DEFAULT_MAX_NODES)}
          width={20}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setMaxNodesText(text);
            const n = Number(text);
            setJson({ maxNodes: text === '' || validateMaxNodes(n) ? undefined : n });
          }}
        />
      </Field>
    </ConfigSection>
  );
}
