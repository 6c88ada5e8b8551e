import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { whyNotRunnable } from '../runnable';
import { SpanSelectorField } from './SpanSelectorField';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

function setup(value?: string[]) {
  const onCommit = jest.fn();
  render(<SpanSelectorField value={value} onCommit={onCommit} />);
  return { onCommit, input: screen.getByLabelText(/Span selector/), user: userEvent.setup({ delay: null }) };
}

describe('SpanSelectorField', () => {
  it('commits the span ids typed, split on commas and spaces', async () => {
    const { onCommit, input, user } = setup();
    await user.type(input, '19e129611805ff6c, a1b2c3d4e5f60718');
    await user.tab();
    expect(onCommit).toHaveBeenCalledWith(['19e129611805ff6c', 'a1b2c3d4e5f60718']);
  });

  it('names the bad span id inline and commits nothing', async () => {
    const { onCommit, input, user } = setup(['19e129611805ff6c']);
    await user.clear(input);
    await user.type(input, '19e129611805ff6c,span-1');
    await user.tab();
    expect(
      screen.getByText('The span id 2 "span-1" has 6 characters, a span id has 16 hex digits')
    ).toBeInTheDocument();
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('clearing the field queries every sample again', async () => {
    const { onCommit, input, user } = setup(['19e129611805ff6c']);
    expect(input).toHaveValue('19e129611805ff6c');
    await user.clear(input);
    await user.tab();
    expect(onCommit).toHaveBeenCalledWith(undefined);
  });

  it('a saved query with a bad span id says why it does not run', () => {
    expect(
      whyNotRunnable({
        refId: 'A',
        queryType: 'profile',
        profileTypeId: CPU,
        labelSelector: '{service_name="checkout"}',
        spanSelector: ['0000000000000000'],
      })
    ).toBe('Span selector: span id 1 "0000000000000000" is all zeros, which is not a span id.');
  });
});
