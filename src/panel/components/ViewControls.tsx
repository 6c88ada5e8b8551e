import { Dropdown, Menu, RadioButtonGroup, ToolbarButton } from '@grafana/ui';
import React from 'react';
import { ColorScheme, ShowTable } from '../types';

// No descriptions: each would mount a floating tooltip with the toolbar.
const VIEWS: Array<{ value: ShowTable; label: string }> = [
  { value: 'off', label: 'Flame graph' },
  { value: 'beside', label: 'Both' },
  { value: 'only', label: 'Table' },
];

const SCHEMES: Array<{ value: ColorScheme; label: string }> = [
  { value: 'auto', label: 'Auto' },
  { value: 'package', label: 'By package' },
  { value: 'self', label: 'By self share' },
  { value: 'diff', label: 'Diff (grew / shrank)' },
];

interface Props {
  showTable: ShowTable;
  onShowTableChange(value: ShowTable): void;
  colorScheme: ColorScheme;
  onColorSchemeChange(value: ColorScheme): void;
}

/** The toolbar's flame / both / table switch and colour scheme menu. */
export function ViewControls({ showTable, onShowTableChange, colorScheme, onColorSchemeChange }: Props) {
  const current = SCHEMES.find((s) => s.value === colorScheme) ?? SCHEMES[0];
  const menu = (
    <Menu>
      {SCHEMES.map((s) => (
        <Menu.Item key={s.value} label={s.label} active={s.value === colorScheme} onClick={() => onColorSchemeChange(s.value)} />
      ))}
    </Menu>
  );
  return (
    <>
      <RadioButtonGroup size="sm" options={VIEWS} value={showTable} onChange={onShowTableChange} />
      <Dropdown overlay={menu} placement="bottom-start">
        <ToolbarButton aria-label="Colour scheme">
          {current.label}
        </ToolbarButton>
      </Dropdown>
    </>
  );
}
