import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { installJsdomShims } from '../testing/jsdomShims';
import { SelectorBuilder } from './SelectorBuilder';

beforeAll(installJsdomShims);

// Dotted (OpenTelemetry) label names as builder rows, written back quoted.
describe('SelectorBuilder with quoted label names', () => {
  it('shows a quoted name as its row and keeps it quoted when another row goes', async () => {
    const onCommit = jest.fn();
    render(
      <SelectorBuilder
        value='{service_name="checkout", "k8s.namespace"="prod"}'
        labelNames={['k8s.namespace', 'service_name']}
        loadValues={async () => ['prod']}
        onCommit={onCommit}
      />
    );
    expect(document.getElementById('embers-builder-1-label')).toHaveValue('k8s.namespace');
    expect(document.getElementById('embers-builder-1-value')).toHaveValue('prod');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Remove service_name' }));
    expect(onCommit).toHaveBeenCalledWith('{"k8s.namespace"="prod"}');
  });
});
