import React from 'react';
import { SortDirection, SortKey } from './sortFunctions';

export interface TableColumn {
  key: SortKey;
  title: string;
  /** Column width as a CSS grid track. */
  track: string;
}

interface Props {
  columns: TableColumn[];
  sortKey: SortKey;
  direction: SortDirection;
  className: string;
  cellClassName: string;
  onSort(key: SortKey): void;
}

/** Column headers; each is a button that sorts by it (again to flip the direction). */
export function TableHeader({ columns, sortKey, direction, className, cellClassName, onSort }: Props) {
  return (
    <div role="row" className={className}>
      {columns.map((column) => {
        const active = column.key === sortKey;
        return (
          <div
            key={column.key}
            role="columnheader"
            className={cellClassName}
            aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button type="button" onClick={() => onSort(column.key)} title={`Sort by ${column.title.toLowerCase()}`}>
              {column.title}
              {active ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}
            </button>
          </div>
        );
      })}
    </div>
  );
}
