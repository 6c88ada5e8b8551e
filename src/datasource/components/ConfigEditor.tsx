import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import {
  AdvancedHttpSettings,
  Auth,
  AuthMethod,
  ConfigSection,
  ConnectionSettings,
  convertLegacyAuthProps,
  DataSourceDescription,
} from '@grafana/plugin-ui';
import { Divider, FieldValidationMessage, Stack } from '@grafana/ui';

import { EmbersDataSourceOptions, EmbersSecureJsonData } from '../types';
import { BearerTokenField } from './BearerTokenField';
import { validateTimeout, validateUrl } from './configValidation';
import { QuerySettingsSection } from './QuerySettingsSection';

export type ConfigEditorProps = DataSourcePluginOptionsEditorProps<EmbersDataSourceOptions, EmbersSecureJsonData>;

const BEARER = 'custom-bearer' as const;

/**
 * AdvancedHttpSettings stores parseInt of the field, so a cleared field is NaN (saved
 * as null, flagged as invalid). Cleared means the default: drop the key instead.
 */
function withNumericTimeout(o: ConfigEditorProps['options']): ConfigEditorProps['options'] {
  const timeout = o.jsonData.timeout;
  if (typeof timeout === 'number' && Number.isFinite(timeout)) {
    return o;
  }
  const { timeout: _dropped, ...jsonData } = o.jsonData;
  return { ...o, jsonData };
}

export function ConfigEditor(props: ConfigEditorProps) {
  const { options, onOptionsChange } = props;
  const legacyAuth = convertLegacyAuthProps({ config: options, onChange: onOptionsChange });
  const urlError = options.url ? validateUrl(options.url) : undefined;
  const timeoutError = validateTimeout(options.jsonData.timeout);

  const onAuthMethodSelect = (method: AuthMethod | typeof BEARER | `custom-${string}`) => {
    const authType: EmbersDataSourceOptions['authType'] =
      method === BEARER ? 'bearer' : method === AuthMethod.BasicAuth ? 'basic' : 'none';
    const withType = { ...options, jsonData: { ...options.jsonData, authType } };
    if (method === BEARER) {
      onOptionsChange({ ...withType, basicAuth: false, withCredentials: false });
      return;
    }
    convertLegacyAuthProps({ config: withType, onChange: onOptionsChange }).onAuthMethodSelect(method);
  };

  return (
    <Stack direction="column" gap={2}>
      <DataSourceDescription
        dataSourceName="Pyroscope"
        docsLink="https://grafana.com/docs/pyroscope/latest/"
        hasRequiredFields
      />
      <Divider />
      <div>
        <ConnectionSettings
          config={options}
          onChange={onOptionsChange}
          urlPlaceholder="http://pyroscope:4040"
          urlTooltip="The Pyroscope server (its HTTP port, 4040 by default). Grafana's backend calls it; the browser never does."
        />
        {urlError && <FieldValidationMessage>{urlError}</FieldValidationMessage>}
      </div>
      <Divider />
      <Auth
        {...legacyAuth}
        selectedMethod={options.jsonData.authType === 'bearer' ? BEARER : legacyAuth.selectedMethod}
        visibleMethods={[AuthMethod.NoAuth, AuthMethod.BasicAuth, BEARER]}
        customMethods={[
          {
            id: BEARER,
            label: 'Bearer token',
            description:
              'Sends Authorization: Bearer <token>, e.g. for Grafana Cloud Profiles or a proxy in front of Pyroscope',
            component: <BearerTokenField {...props} />,
          },
        ]}
        onAuthMethodSelect={onAuthMethodSelect}
      />
      <Divider />
      <QuerySettingsSection {...props} />
      <Divider />
      <ConfigSection
        title="Additional settings"
        description="Timeout and cookies for the requests to Pyroscope."
        isCollapsible
        isInitiallyOpen={Boolean(timeoutError)}
      >
        <AdvancedHttpSettings config={options} onChange={(o) => onOptionsChange(withNumericTimeout(o))} />
        {timeoutError && <FieldValidationMessage>{timeoutError}</FieldValidationMessage>}
      </ConfigSection>
    </Stack>
  );
}
