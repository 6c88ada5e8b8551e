import React, { useState } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CoreApp } from '@grafana/data';

import { installJsdomShims } from '../testing/jsdomShims';
import { stubDataSource, StubAnswers } from '../testing/stubDataSource';
import { EmbersQuery } from '../types';
import { validateTimeShift } from './DiffRow';
import { QueryEditor } from './QueryEditor';
import { MISSING_SERVICE_HINT } from './SelectorField';

beforeAll(installJsdomShims);

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

async function setup(initial: Partial<EmbersQuery>, opts: { app?: CoreApp; answers?: StubAnswers } = {}) {
  const { ds, asDataSource } = stubDataSource(opts.answers);
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  let latest: EmbersQuery = { refId: 'A', queryType: 'both', profileTypeId: '', labelSelector: '{}', ...initial };
  function Harness() {
    const [query, setQuery] = useState<EmbersQuery>(latest);
    return (
      <QueryEditor
        datasource={asDataSource}
        query={query}
        app={opts.app ?? CoreApp.Explore}
        onRunQuery={onRunQuery}
        onChange={(q) => {
          latest = q;
          onChange(q);
          setQuery(q);
        }}
      />
    );
  }
  // Let the canned resource answers land before the test acts.
  await act(async () => {
    render(<Harness />);
  });
  return { ds, onChange, onRunQuery, current: () => latest, user: userEvent.setup({ delay: null }) };
}

const selectorInput = () => screen.getByRole('combobox', { name: 'Label selector' });
const optionLabels = () => screen.getAllByRole('option').map((o) => o.firstChild?.textContent);

describe('QueryEditor', () => {
  it('gives a new query the cpu profile type and the first service, then runs it', async () => {
    const { current, onRunQuery, ds } = await setup({});
    await waitFor(() => expect(current().labelSelector).toBe('{service_name="ride-sharing-app"}'));
    expect(current().profileTypeId).toBe(CPU);
    expect(ds.getLabelValues).toHaveBeenCalledWith('service_name', expect.objectContaining({ profileTypeId: CPU }));
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('leaves a saved {} selector as it was saved', async () => {
    const { current, onChange } = await setup({ profileTypeId: CPU, labelSelector: '{}' });
    await screen.findByText(MISSING_SERVICE_HINT);
    expect(onChange).not.toHaveBeenCalled();
    expect(current().labelSelector).toBe('{}');
  });

  it('edits the selector as rows in builder mode', async () => {
    const { user, current, onRunQuery } = await setup({
      profileTypeId: CPU,
      labelSelector: '{service_name="checkout", region=~"eu-.*"}',
    });
    await user.click(screen.getByRole('radio', { name: 'Builder' }));
    expect(document.getElementById('embers-builder-1-label')).toHaveValue('region');
    expect(document.getElementById('embers-builder-1-op')).toHaveValue('=~');
    expect(document.getElementById('embers-builder-1-value')).toHaveValue('eu-.*');

    await user.click(screen.getByRole('button', { name: 'Remove region' }));
    expect(current().labelSelector).toBe('{service_name="checkout"}');
    expect(onRunQuery).toHaveBeenCalledTimes(1);

    // A new row has no value yet: the query stays as it was until one is picked (the
    // pick itself is covered in the browser test, where Combobox can draw its list).
    await user.click(screen.getByRole('button', { name: 'Add label filter' }));
    expect(document.getElementById('embers-builder-new-label')).toHaveValue('region');
    expect(current().labelSelector).toBe('{service_name="checkout"}');
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('sends an unreadable selector back to code mode with its error', async () => {
    const { user } = await setup({ profileTypeId: CPU, labelSelector: '{service_name="checkout"' });
    await user.click(screen.getByRole('radio', { name: 'Builder' }));
    expect(screen.getByText(/^The builder cannot show this selector/)).toHaveTextContent(
      'The builder cannot show this selector: Missing closing "}" (at character 25). Switch to Code to fix it.'
    );
  });

  it('falls back to the first profile type when there is no cpu profile', async () => {
    const profileTypes = [
      {
        id: 'memory:alloc_space:bytes:space:bytes',
        name: 'memory',
        sampleType: 'alloc_space',
        sampleUnit: 'bytes',
        periodType: 'space',
        periodUnit: 'bytes',
      },
    ];
    const { current } = await setup({}, { answers: { profileTypes } });
    await waitFor(() => expect(current().profileTypeId).toBe('memory:alloc_space:bytes:space:bytes'));
  });

  it('offers label names, then operators, then quoted values from the resources, scoped to service and type', async () => {
    const { user, ds, current, onRunQuery } = await setup({
      profileTypeId: CPU,
      labelSelector: '{service_name="checkout"}',
    });
    const input = selectorInput();
    await user.click(input);
    await user.keyboard('{End}{ArrowLeft}, re');
    await waitFor(() => expect(optionLabels()).toEqual(['region']));
    expect(ds.getLabelNames).toHaveBeenCalledWith(
      expect.objectContaining({ profileTypeId: CPU, selector: '{service_name="checkout"}' })
    );

    await user.keyboard('{Enter}');
    await waitFor(() => expect(optionLabels()).toEqual(['=', '!=', '=~', '!~']));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(optionLabels()).toEqual(['eu-west', 'us-east']));
    expect(ds.getLabelValues).toHaveBeenCalledWith(
      'region',
      expect.objectContaining({ profileTypeId: CPU, selector: '{service_name="checkout"}' })
    );

    await user.click(screen.getByRole('option', { name: /us-east/ }));
    expect(input).toHaveValue('{service_name="checkout", region="us-east"}');
    expect(onRunQuery).not.toHaveBeenCalled();

    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(current().labelSelector).toBe('{service_name="checkout", region="us-east"}');
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('completes a dotted label name quoted, with its values, and runs the query', async () => {
    const { user, current, onRunQuery } = await setup(
      { profileTypeId: CPU, labelSelector: '{service_name="checkout"}' },
      { answers: { labelNames: ['k8s.namespace', 'service_name'], labelValues: { 'k8s.namespace': ['prod'] } } }
    );
    const input = selectorInput();
    await user.click(input);
    await user.keyboard('{End}{ArrowLeft}, k8s');
    await waitFor(() => expect(optionLabels()).toEqual(['k8s.namespace']));
    await user.keyboard('{Enter}');
    expect(input).toHaveValue('{service_name="checkout", "k8s.namespace"}');
    await waitFor(() => expect(optionLabels()).toEqual(['=', '!=', '=~', '!~']));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(optionLabels()).toEqual(['prod']));
    await user.keyboard('{Enter}{Shift>}{Enter}{/Shift}');
    expect(current().labelSelector).toBe('{service_name="checkout", "k8s.namespace"="prod"}');
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/^This query does not run/)).not.toBeInTheDocument();
  });

  it('says why a query does not run', async () => {
    await setup({ profileTypeId: CPU, labelSelector: '{"k8s.namespace"}' });
    expect(screen.getByRole('status')).toHaveTextContent(
      'This query does not run. Label selector: Expected an operator (=, !=, =~, !~) after "k8s.namespace", found "}" (at character 17).'
    );
  });

  it('escapes a picked value under a regex operator and closes the list on Escape', async () => {
    const { user } = await setup(
      { profileTypeId: CPU, labelSelector: '{service_name="checkout"}' },
      { answers: { labelValues: { region: ['eu.west'] } } }
    );
    const input = selectorInput();
    await user.click(input);
    await user.keyboard('{End}{ArrowLeft}, region=~');
    await waitFor(() => expect(optionLabels()).toEqual(['eu.west']));
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('{service_name="checkout", region=~"eu\\\\.west"}');

    await user.keyboard('{Home}{ArrowRight}');
    await waitFor(() => expect(screen.queryAllByRole('option').length).toBeGreaterThan(0));
    await user.keyboard('{Escape}');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('offers template variables among the values', async () => {
    const { user } = await setup(
      { profileTypeId: CPU, labelSelector: '{service_name="checkout"}' },
      { answers: { variables: ['region'] } }
    );
    await user.click(selectorInput());
    await user.keyboard('{End}{ArrowLeft}, region=');
    await waitFor(() => expect(optionLabels()).toEqual(['eu-west', 'us-east', '$region']));
  });

  it('shows the syntax error with its position and does not run an invalid selector', async () => {
    const { user, onRunQuery, current } = await setup({
      profileTypeId: CPU,
      labelSelector: '{service_name="checkout"}',
    });
    const input = selectorInput();
    await user.clear(input);
    await user.type(input, '{{service_name=checkout}');
    await user.tab();
    expect(
      await screen.findByText(
        'Expected a quoted value after "service_name=", found "checkout"; put it in quotes (at character 15)'
      )
    ).toBeInTheDocument();
    expect(current().labelSelector).toBe('{service_name=checkout}');
    expect(onRunQuery).not.toHaveBeenCalled();
  });

  it('hints that a selector without service_name misses the newest data', async () => {
    await setup({ profileTypeId: CPU, labelSelector: '{region="eu-west"}' });
    expect(await screen.findByText(MISSING_SERVICE_HINT)).toBeInTheDocument();
  });

  it('does not hint when the service is named', async () => {
    await setup({ profileTypeId: CPU, labelSelector: '{service_name="checkout"}' });
    await screen.findByText('Shift+Enter or leaving the field runs the query.');
    expect(screen.queryByText(MISSING_SERVICE_HINT)).not.toBeInTheDocument();
  });

  it('offers only metrics in an alert rule', async () => {
    const { current } = await setup(
      { profileTypeId: CPU, labelSelector: '{service_name="checkout"}', queryType: 'both' },
      { app: CoreApp.UnifiedAlerting }
    );
    expect(current().queryType).toBe('metrics');
    expect(await screen.findByRole('radio', { name: 'Metrics' })).toBeChecked();
    expect(screen.queryByRole('radio', { name: 'Profile' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Both' })).not.toBeInTheDocument();
  });

  it('switches to diff with a right side a week earlier and summarises both sides', async () => {
    const { user, current } = await setup({ profileTypeId: CPU, labelSelector: '{service_name="checkout"}' });
    await user.click(screen.getByRole('radio', { name: 'Diff' }));
    expect(current().right).toEqual({ labelSelector: '{service_name="checkout"}', timeShift: '7d' });
    expect(screen.getByTestId('diff-summary')).toHaveTextContent(
      'Left (baseline): {service_name="checkout"} over the selected range · Right (comparison): {service_name="checkout"} over 7d earlier'
    );
  });

  it('refuses a series limit out of range, and takes 0 as every series', async () => {
    const { user, current } = await setup({ profileTypeId: CPU, queryType: 'metrics', labelSelector: '{}' });
    const limit = document.getElementById('embers-limit') as HTMLInputElement;
    await user.type(limit, '10001');
    await user.tab();
    expect(
      screen.getByText('Series limit must be a whole number from 0 to 10,000 (0 or empty keeps every series)')
    ).toBeInTheDocument();
    expect(current().limit).toBeUndefined();

    await user.clear(limit);
    await user.type(limit, '0');
    await user.tab();
    expect(screen.queryByText(/Series limit must/)).not.toBeInTheDocument();
    expect(current().limit).toBe(0);
  });

  it('rejects a bad time shift and max nodes out of range', async () => {
    const { user, current } = await setup({
      profileTypeId: CPU,
      queryType: 'diff',
      labelSelector: '{service_name="checkout"}',
      right: { labelSelector: '{service_name="checkout"}', timeShift: '7d' },
    });
    const shift = document.getElementById('embers-time-shift') as HTMLInputElement;
    await user.clear(shift);
    await user.type(shift, '7 days');
    await user.tab();
    expect(
      screen.getByText('Time shift "7days" is not a duration; use a number and a unit, e.g. 1h, 7d or 1h30m')
    ).toBeInTheDocument();
    expect(current().right?.timeShift).toBe('7d');

    const maxNodes = document.getElementById('embers-max-nodes') as HTMLInputElement;
    await user.type(maxNodes, '2000000');
    await user.tab();
    expect(screen.getByText('Max nodes must be a whole number from 1 to 1,048,576')).toBeInTheDocument();
    expect(current().maxNodes).toBeUndefined();

    await user.clear(maxNodes);
    await user.type(maxNodes, '4096');
    await user.tab();
    expect(current().maxNodes).toBe(4096);
  });

  it.each(['{service_name="checkout", $filters}', '$selector'])(
    'keeps the builder from dropping a variable that stands for matchers: %s',
    async (labelSelector) => {
      const { user } = await setup({ profileTypeId: CPU, labelSelector });
      await user.click(screen.getByRole('radio', { name: 'Builder' }));
      expect(screen.getByText(/The builder cannot show variables that stand for matchers/)).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Add label filter/ })).not.toBeInTheDocument();
    }
  );

  it('shows a time shift and max nodes that change from outside', async () => {
    const { asDataSource } = stubDataSource();
    const q: EmbersQuery = {
      refId: 'A',
      queryType: 'diff',
      profileTypeId: CPU,
      labelSelector: '{service_name="checkout"}',
      right: { labelSelector: '{service_name="checkout"}', timeShift: '7d' },
      maxNodes: 100,
    };
    const editor = (query: EmbersQuery) => (
      <QueryEditor datasource={asDataSource} query={query} onChange={jest.fn()} onRunQuery={jest.fn()} />
    );
    let rerender: (ui: React.ReactElement) => void = () => {};
    await act(async () => {
      rerender = render(editor(q)).rerender;
    });
    await act(async () => {
      rerender(editor({ ...q, right: { ...q.right!, timeShift: '1h' }, maxNodes: 200 }));
    });
    expect(document.getElementById('embers-time-shift')).toHaveValue('1h');
    expect(document.getElementById('embers-max-nodes')).toHaveValue(200);
  });

  it('takes a dashboard variable as the time shift', async () => {
    expect(validateTimeShift('$shift')).toBeUndefined();
    expect(validateTimeShift('${shift}')).toBeUndefined();
    const { user, current } = await setup({
      profileTypeId: CPU,
      queryType: 'diff',
      labelSelector: '{service_name="checkout"}',
      right: { labelSelector: '{service_name="checkout"}', timeShift: '7d' },
    });
    const shift = document.getElementById('embers-time-shift') as HTMLInputElement;
    await user.clear(shift);
    await user.type(shift, '$shift');
    await user.tab();
    expect(current().right?.timeShift).toBe('$shift');
  });

  it('shows a resource failure as a readable message', async () => {
    const { ds, asDataSource } = stubDataSource();
    ds.getProfileTypes.mockRejectedValue(new Error('Could not load profile types: authentication rejected (401)'));
    await act(async () => {
      render(
        <QueryEditor
          datasource={asDataSource}
          query={{ refId: 'A', queryType: 'both', profileTypeId: CPU, labelSelector: '{service_name="a"}' }}
          onChange={jest.fn()}
          onRunQuery={jest.fn()}
        />
      );
    });
    expect(await screen.findByText('Could not load profile types: authentication rejected (401)')).toBeInTheDocument();
  });

  it('offers the span selector on flame graph queries and runs the spans typed', async () => {
    const { user, current, onRunQuery } = await setup({
      queryType: 'profile',
      profileTypeId: CPU,
      labelSelector: '{service_name="checkout"}',
    });
    await user.type(screen.getByLabelText(/Span selector/), '19e129611805ff6c');
    await user.tab();
    expect(current().spanSelector).toEqual(['19e129611805ff6c']);
    expect(onRunQuery).toHaveBeenCalled();
    await user.click(screen.getByRole('radio', { name: 'Metrics' }));
    expect(screen.queryByLabelText(/Span selector/)).not.toBeInTheDocument();
  });
});
