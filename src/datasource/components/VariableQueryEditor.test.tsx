import React, { useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { installJsdomShims } from '../testing/jsdomShims';
import { stubDataSource } from '../testing/stubDataSource';
import { EmbersVariableQuery } from '../types';
import { VariableQueryEditor } from './VariableQueryEditor';

beforeAll(installJsdomShims);

async function setup(initial: EmbersVariableQuery) {
  const { ds, asDataSource } = stubDataSource();
  let latest = initial;
  function Harness() {
    const [query, setQuery] = useState(initial);
    return (
      <VariableQueryEditor
        datasource={asDataSource}
        query={query}
        onRunQuery={jest.fn()}
        onChange={(q) => {
          latest = q;
          setQuery(q);
        }}
      />
    );
  }
  await act(async () => {
    render(<Harness />);
  });
  return { ds, current: () => latest, user: userEvent.setup({ delay: null }) };
}

const variable = (q: Partial<EmbersVariableQuery>) =>
  ({ refId: 'V', kind: 'labelValues', ...q }) as EmbersVariableQuery;

describe('VariableQueryEditor', () => {
  it('switches between the three kinds', async () => {
    const { user, current } = await setup(variable({ kind: 'labelValues' }));
    expect(screen.getByText('Label')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Profile types' }));
    expect(current().kind).toBe('profileTypes');
    // Profile types take a scope too (the service's own types), but no profile type.
    expect(screen.getByLabelText('Variable label selector')).toBeInTheDocument();
    expect(screen.queryByText('Profile type')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Label names' }));
    expect(current().kind).toBe('labelNames');
    expect(screen.getByLabelText('Variable label selector')).toBeInTheDocument();
  });

  it('keeps a valid scope selector and rejects an invalid one with its message', async () => {
    const { user, current } = await setup(variable({ labelName: 'region' }));
    const input = screen.getByLabelText('Variable label selector');
    await user.type(input, '{{service_name="$service"}');
    await user.tab();
    expect(current().labelSelector).toBe('{service_name="$service"}');

    await user.clear(input);
    await user.type(input, '{{service_name=}');
    await user.tab();
    expect(screen.getByText(/Expected a quoted value after "service_name="/)).toBeInTheDocument();
    expect(current().labelSelector).toBe('{service_name="$service"}');
  });

  it('shows a list error only while that list is on screen', async () => {
    const { ds, asDataSource } = stubDataSource();
    ds.getLabelNames.mockRejectedValue(new Error('Could not load label names: HTTP 502'));
    function Harness() {
      const [query, setQuery] = useState(variable({ labelName: 'region' }));
      return <VariableQueryEditor datasource={asDataSource} query={query} onRunQuery={jest.fn()} onChange={setQuery} />;
    }
    await act(async () => {
      render(<Harness />);
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load label names: HTTP 502');
    await userEvent.setup({ delay: null }).click(screen.getByRole('radio', { name: 'Label names' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lists label names from the resource for the label picker', async () => {
    const { ds } = await setup(variable({ labelName: 'region', labelSelector: '{service_name="a"}' }));
    expect(ds.getLabelNames).toHaveBeenCalledWith(expect.objectContaining({ selector: '{service_name="a"}' }));
  });
});
