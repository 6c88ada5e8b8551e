import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { ButtonGroup, ToolbarButton, useStyles2 } from '@grafana/ui';
import React, { memo, ReactNode } from 'react';
import { formatCount } from '../../shared/units';
import { FlameMode } from '../types';

interface Props {
  mode: FlameMode;
  onModeChange(mode: FlameMode): void;
  focused: boolean;
  onReset(): void;
  /** Search box, legend, export menu: laid out left to right. */
  children?: ReactNode;
  /** Frames drawn vs frames 1 px or wider, when the depth limits hid some. */
  shown?: { drawn: number; total: number };
}

/** Top row of the panel: mode, reset, search and the rest. */
export function Toolbar({ mode, onModeChange, focused, onReset, children, shown }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.toolbar}>
      <ModeSwitch mode={mode} onModeChange={onModeChange} />
      <ResetButton focused={focused} onReset={onReset} />
      {children}
      {shown && shown.drawn < shown.total && (
        <span className={styles.note} data-testid="embers-pruned-note">
          Showing {formatCount(shown.drawn)} of {formatCount(shown.total)} frames (click a … frame for the rest)
        </span>
      )}
    </div>
  );
}

/** The buttons change with the mode or with focus on/off, not with each focus. */
const ModeSwitch = memo(function ModeSwitch({ mode, onModeChange }: Pick<Props, 'mode' | 'onModeChange'>) {
  return (
    <ButtonGroup>
      {(['flame', 'icicle'] as const).map((m) => (
        // ToolbarButton, not Button: Button builds its styles again on every render.
        <ToolbarButton
          key={m}
          variant={mode === m ? 'active' : 'default'}
          aria-label={m === 'flame' ? 'Flame' : 'Icicle'}
          aria-pressed={mode === m}
          // A native title, not Grafana's Tooltip: that mounts floating-ui on every button up front.
          title={m === 'flame' ? 'Flame graph: root at the bottom' : 'Icicle graph: root on top'}
          onClick={() => onModeChange(m)}
        >
          {m === 'flame' ? 'Flame' : 'Icicle'}
        </ToolbarButton>
      ))}
    </ButtonGroup>
  );
});

const ResetButton = memo(function ResetButton({ focused, onReset }: Pick<Props, 'focused' | 'onReset'>) {
  return (
    <ToolbarButton disabled={!focused} onClick={onReset} aria-label="Reset focus">
      Reset
    </ToolbarButton>
  );
});

const getStyles = (theme: GrafanaTheme2) => ({
  toolbar: css({
    // One row of fixed height (the graph is sized to what is left); narrow panels scroll it sideways.
    display: 'flex',
    flexWrap: 'nowrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    height: 40,
    flexShrink: 0,
    overflowX: 'auto',
    overflowY: 'hidden',
  }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, whiteSpace: 'nowrap' }),
});
