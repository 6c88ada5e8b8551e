import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, SecretInput } from '@grafana/ui';

import { EmbersDataSourceOptions, EmbersSecureJsonData } from '../types';

type Props = DataSourcePluginOptionsEditorProps<EmbersDataSourceOptions, EmbersSecureJsonData>;

/** The bearer token lives in secureJsonData: once saved it shows as configured and is never read back. */
export function BearerTokenField({ options, onOptionsChange }: Props) {
  const configured = Boolean(options.secureJsonFields?.bearerToken);
  return (
    <Field label="Bearer token" description="Stored encrypted; Grafana never sends it back to the browser.">
      <SecretInput
        id="embers-bearer-token"
        isConfigured={configured}
        value={options.secureJsonData?.bearerToken ?? ''}
        placeholder="Token"
        width={40}
        onChange={(e) =>
          onOptionsChange({
            ...options,
            secureJsonData: { ...options.secureJsonData, bearerToken: e.currentTarget.value },
          })
        }
        onReset={() =>
          onOptionsChange({
            ...options,
            secureJsonFields: { ...options.secureJsonFields, bearerToken: false },
            secureJsonData: { ...options.secureJsonData, bearerToken: '' },
          })
        }
      />
    </Field>
  );
}
