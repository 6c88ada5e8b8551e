import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

/** A centred message in place of the graph (no data, wrong frame, zero totals). */
export function PanelMessage({ title, detail }: { title: string; detail?: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.message} data-testid="embers-flamegraph-message">
      <div className={styles.title}>{title}</div>
      {detail && <div className={styles.detail}>{detail}</div>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  message: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    height: '100%',
    gap: theme.spacing(1),
    textAlign: 'center',
  }),
  title: css({ fontSize: theme.typography.h5.fontSize }),
  detail: css({ color: theme.colors.text.secondary, maxWidth: 520 }),
});
