import React, { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { dataSourceSettings, EmbersSettings } from '../testing/dataSourceSettings';
import { installJsdomShims } from '../testing/jsdomShims';
import { ConfigEditor } from './ConfigEditor';
import { validateMaxNodes, validateMinStep, validateTimeout } from './configValidation';

beforeAll(installJsdomShims);

type Settings = EmbersSettings;
const settings = dataSourceSettings;

function setup(initial: Settings) {
  const onChange = jest.fn();
  let latest = initial;
  function Harness() {
    const [options, setOptions] = useState(initial);
    return (
      <ConfigEditor
        options={options}
        onOptionsChange={(o) => {
          latest = o;
          onChange(o);
          setOptions(o);
        }}
      />
    );
  }
  render(<Harness />);
  return { onChange, current: () => latest, user: userEvent.setup({ delay: null }) };
}

describe('ConfigEditor', () => {
  it('shows a saved bearer token as configured and never its value', () => {
    setup(
      settings({
        jsonData: { authType: 'bearer' },
        secureJsonFields: { bearerToken: true },
        // Grafana never sends secrets back; if something did, the page must still not show it.
        secureJsonData: { bearerToken: 'sekret-token-value' },
      })
    );
    const token = document.getElementById('embers-bearer-token') as HTMLInputElement;
    expect(token).toHaveValue('configured');
    expect(token).toBeDisabled();
    expect(document.body.innerHTML).not.toContain('sekret-token-value');
    expect(screen.getByRole('button', { name: 'Reset' })).toBeInTheDocument();
  });

  it('reset clears the token so a new one can be typed into secureJsonData', async () => {
    const { user, current } = setup(
      settings({ jsonData: { authType: 'bearer' }, secureJsonFields: { bearerToken: true } })
    );
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(current().secureJsonFields.bearerToken).toBe(false);
    const token = document.getElementById('embers-bearer-token') as HTMLInputElement;
    await user.type(token, 'new-token');
    expect(current().secureJsonData?.bearerToken).toBe('new-token');
    expect(current().jsonData).not.toHaveProperty('bearerToken');
  });

  it('stores the tenant ID in jsonData and explains the header', async () => {
    const { user, current } = setup(settings());
    expect(screen.getByText(/Sent as the X-Scope-OrgID header/)).toBeInTheDocument();
    await user.type(document.getElementById('embers-tenant-id')!, 'team-a');
    expect(current().jsonData.tenantId).toBe('team-a');
  });

  it('says what is wrong with a bad URL, min step and max nodes', async () => {
    const { user, current } = setup(settings({ url: 'pyroscope:4040' }));
    expect(screen.getByText('The URL "pyroscope:4040" must start with http:// or https://')).toBeInTheDocument();

    await user.type(document.getElementById('embers-min-step')!, '15 seconds');
    expect(
      screen.getByText('Min step "15 seconds" is not a duration; use a number and a unit, e.g. 15s, 1m30s or 1.5h')
    ).toBeInTheDocument();

    await user.type(document.getElementById('embers-max-nodes')!, '0');
    expect(screen.getByText('Max nodes must be a whole number from 1 to 1,048,576')).toBeInTheDocument();
    expect(current().jsonData.maxNodes).toBeUndefined();

    await user.clear(document.getElementById('embers-max-nodes')!);
    await user.type(document.getElementById('embers-max-nodes')!, '8192');
    expect(current().jsonData.maxNodes).toBe(8192);
    expect(screen.queryByText(/Max nodes must be/)).not.toBeInTheDocument();
  });

  it('quotes a refused URL without its password', () => {
    setup(settings({ url: 'ftp://bob:secret@pyroscope:21' }));
    expect(
      screen.getByText('The URL "ftp://bob:xxxxx@pyroscope:21" must start with http:// or https://')
    ).toBeInTheDocument();
    expect(screen.queryByText(/secret/)).not.toBeInTheDocument();
  });

  it('flags a negative timeout', () => {
    setup(settings({ jsonData: { timeout: -5 } }));
    expect(screen.getByText('Timeout must be a positive number of seconds (default 30)')).toBeInTheDocument();
  });

  it('stores the timeout as a number, and a cleared timeout as unset rather than NaN', async () => {
    const { user, current } = setup(settings({ jsonData: { timeout: 30 } }));
    await user.click(screen.getByRole('button', { name: /Expand section Additional settings/i }));
    const field = screen.getByLabelText('Timeout in seconds');
    await user.clear(field);
    await user.type(field, '45');
    expect(current().jsonData.timeout).toBe(45);

    await user.clear(field);
    expect(current().jsonData).not.toHaveProperty('timeout');
    expect(screen.queryByText(/Timeout must be/)).not.toBeInTheDocument();
  });

  it('choosing bearer auth records authType bearer and turns basic auth off', async () => {
    const { user, current } = setup(settings({ basicAuth: true, jsonData: { authType: 'basic' } }));
    await user.click(screen.getByRole('combobox', { name: /authentication method/i }));
    await user.click(await screen.findByText('Bearer token'));
    expect(current().jsonData.authType).toBe('bearer');
    expect(current().basicAuth).toBe(false);
  });
});

describe('config validation', () => {
  it.each([
    [undefined, undefined],
    [30, undefined],
    [0, undefined],
    [-1, 'Timeout must be a positive number of seconds (default 30)'],
    [NaN, 'Timeout must be a positive number of seconds (default 30)'],
    [86401, 'Timeout must be at most 86400 seconds (one day)'],
  ])('timeout %s', (t, message) => expect(validateTimeout(t)).toBe(message));

  it.each([
    ['15s', undefined],
    ['1m30s', undefined],
    ['500ms', undefined],
    ['0s', 'Min step must be longer than zero'],
    ['1.5h', undefined],
    ['fast', 'Min step "fast" is not a duration; use a number and a unit, e.g. 15s, 1m30s or 1.5h'],
    ['1000y', 'Min step "1000y" is too long'],
  ])('min step %s', (s, message) => expect(validateMinStep(s)).toBe(message));

  it.each([
    [1, undefined],
    [1048576, undefined],
    [1048577, 'Max nodes must be a whole number from 1 to 1,048,576'],
    [-1, 'Max nodes must be a whole number from 1 to 1,048,576'],
    [1.5, 'Max nodes must be a whole number from 1 to 1,048,576'],
  ])('max nodes %s', (n, message) => expect(validateMaxNodes(n)).toBe(message));
});
