import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, useStyles2 } from '@grafana/ui';
import React, { useMemo, useState } from 'react';
import { FlameColumns } from '../../shared/flameColumns';
import { buildFlameIndex } from '../model/flameIndex';
import { ResolvedScheme } from '../model/nodeColor';
import { Matcher } from '../model/search';
import { buildSandwich } from '../sandwich/sandwich';
import { FlameGraphView } from './FlameGraphView';
import { trimStart } from './trimStart';

interface Props {
  columns: FlameColumns;
  functionName: string;
  onBack(): void;
  scheme: ResolvedScheme;
  colorBlind: boolean;
  minFrameWidth: number;
  textSize: number;
  width: number;
  height: number;
  isMatch?: Matcher;
}

const HEADER = 32;

/** One function merged over every place it appears: callers above it, callees below. */
export function SandwichView({ columns, functionName, onBack, width, height, ...view }: Props) {
  const styles = useStyles2(getStyles);
  const sandwich = useMemo(() => buildSandwich(columns, functionName), [columns, functionName]);
  const callers = useMemo(() => buildFlameIndex(sandwich.callers), [sandwich]);
  const callees = useMemo(() => buildFlameIndex(sandwich.callees), [sandwich]);
  const [callerFocus, setCallerFocus] = useState(-1);
  const [calleeFocus, setCalleeFocus] = useState(-1);
  const half = Math.max(40, Math.floor((height - HEADER) / 2));
  return (
    <div data-testid="embers-sandwich">
      <div className={styles.header}>
        <Button size="sm" variant="secondary" icon="arrow-left" onClick={onBack}>
          Back to flame graph
        </Button>
        <span className={styles.title} title={functionName}>
          Sandwich: {functionName}
        </span>
      </div>
      <div className={styles.label}>Callers</div>
      <FlameGraphView {...view} index={callers} focus={callerFocus} onFocus={setCallerFocus} mode="flame" width={width} height={half - 16} />
      <div className={styles.label}>Callees</div>
      <FlameGraphView {...view} index={callees} focus={calleeFocus} onFocus={setCalleeFocus} mode="icicle" width={width} height={half - 16} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), height: HEADER }),
  // A long name loses its package path from the left, the function stays.
  title: css({ ...trimStart, fontWeight: theme.typography.fontWeightMedium, minWidth: 0 }),
  label: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary, height: 16 }),
});
