import { fireEvent, render, screen, within } from '@testing-library/react';
import React from 'react';
import { columnsOf, Row } from './testing/columnsOf';
import { TopTable } from './TopTable';

const tree: Row[] = [
  [0, 'total', 5e9, 0],
  [1, 'main', 5e9, 0],
  [2, 'slowFunction', 4e9, 4e9],
  [2, 'fastFunction', 1e9, 1e9],
];

function visibleNames() {
  return screen
    .getAllByRole('row')
    .slice(1) // the header
    .map((row) => within(row).getAllByRole('cell')[0].textContent);
}

describe('TopTable', () => {
  it('lists the hottest function first with its value in the frame unit and its share', () => {
    render(<TopTable columns={columnsOf(tree)} onSelectFunction={jest.fn()} height={300} width={600} />);
    expect(visibleNames()[0]).toBe('slowFunction');
    const cells = within(screen.getAllByRole('row')[1]).getAllByRole('cell');
    expect(cells[1].textContent).toBe('4.00 s 80.00 %');
    expect(cells[2].textContent).toBe('4.00 s 80.00 %');
  });

  it('sorts by the clicked column and flips on a second click', () => {
    render(<TopTable columns={columnsOf(tree)} onSelectFunction={jest.fn()} height={300} width={600} />);
    fireEvent.click(screen.getByRole('button', { name: /Function/ }));
    expect(visibleNames()).toEqual(['fastFunction', 'main', 'slowFunction', 'total']);
    fireEvent.click(screen.getByRole('button', { name: /Function/ }));
    expect(visibleNames()).toEqual(['total', 'slowFunction', 'main', 'fastFunction']);
    fireEvent.click(screen.getByRole('button', { name: /Total/ }));
    expect(visibleNames()).toEqual(['main', 'total', 'slowFunction', 'fastFunction']);
  });

  it('selects the function of a clicked row', () => {
    const onSelect = jest.fn();
    render(<TopTable columns={columnsOf(tree)} onSelectFunction={onSelect} height={300} width={600} />);
    fireEvent.click(screen.getByText('fastFunction'));
    expect(onSelect).toHaveBeenCalledWith('fastFunction');
  });

  it('shows a name with markup as text', () => {
    const name = '<img src=x onerror="window.__xss=1">';
    const { container } = render(
      <TopTable columns={columnsOf([[0, name, 1, 1]])} onSelectFunction={jest.fn()} height={300} width={600} />
    );
    expect(screen.getByText(name)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('renders only the rows in view for a large frame', () => {
    const rows: Row[] = [[0, 'total', 100000, 0]];
    for (let i = 0; i < 100000; i++) {
      rows.push([1, `fn${i}`, 1, 1]);
    }
    render(<TopTable columns={columnsOf(rows)} onSelectFunction={jest.fn()} height={300} width={600} />);
    expect(screen.getAllByRole('row').length).toBeLessThan(40);
    // Self, largest first; the 100,000 equal functions in name order, the root last.
    expect(visibleNames().slice(0, 3)).toEqual(['fn0', 'fn1', 'fn10']);
  });

  it('shows the change in each function share for a diff frame', () => {
    const diff: Row[] = [
      [0, 'total', 100, 0, 100, 0],
      [1, 'grew', 20, 20, 50, 50],
      [1, 'shrank', 80, 80, 50, 50],
    ];
    render(<TopTable columns={columnsOf(diff, true)} onSelectFunction={jest.fn()} height={300} width={600} />);
    expect(screen.getByText('+30.00 pp')).toBeInTheDocument();
    expect(screen.getByText('−30.00 pp')).toBeInTheDocument();
  });

  it('says so when there is nothing to list', () => {
    render(<TopTable columns={columnsOf([])} onSelectFunction={jest.fn()} height={300} width={600} />);
    expect(screen.getByText('No functions to list.')).toBeInTheDocument();
  });
});
