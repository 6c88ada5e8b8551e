import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';
import { DIFF_PALETTE, DIFF_PALETTE_COLORBLIND, diffColor } from '../../shared/colors';

/** The diff colour scale: each side's share of its own total, right minus left. */
export function DiffLegend({ colorBlind }: { colorBlind: boolean }) {
  const styles = useStyles2(getStyles);
  const palette = colorBlind ? DIFF_PALETTE_COLORBLIND : DIFF_PALETTE;
  const stops = [-1, -0.5, 0, 0.5, 1].map((t) => diffColor(t, palette));
  return (
    <div className={styles.legend} data-testid="embers-diff-legend">
      <span>shrank</span>
      <span className={styles.bar} style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
      <span>grew</span>
      <span className={styles.note}>(share of each side&apos;s own total)</span>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  legend: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
  bar: css({ display: 'inline-block', width: 120, height: 10, borderRadius: 2 }),
  note: css({ marginLeft: theme.spacing(0.5) }),
});
