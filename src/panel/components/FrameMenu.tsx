import { ContextMenu, MenuItem } from '@grafana/ui';
import React from 'react';
import { FlameBox } from '../model/layout';

interface Props {
  box: FlameBox;
  /** The frame's function name. */
  name: string;
  x: number;
  y: number;
  onClose(): void;
  onFocus(row: number): void;
  onSandwich?(name: string): void;
}

/** Right-click menu of one frame: focus, sandwich, copy its name, reset. */
export function FrameMenu({ box, name, x, y, onClose, onFocus, onSandwich }: Props) {
  return (
    <ContextMenu
      x={x}
      y={y}
      onClose={onClose}
      renderMenuItems={() => (
        <>
          <MenuItem label="Focus on this frame" icon="search-plus" onClick={() => onFocus(box.row)} />
          {onSandwich && (
            <MenuItem label="Sandwich view (callers and callees)" icon="gf-layout-simple" onClick={() => onSandwich(name)} />
          )}
          <MenuItem label="Copy function name" icon="copy" onClick={() => void navigator.clipboard?.writeText(name)} />
          <MenuItem label="Reset focus" icon="home-alt" onClick={() => onFocus(-1)} />
        </>
      )}
    />
  );
}
