import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Input, ToolbarButton, useStyles2 } from '@grafana/ui';
import React from 'react';
import { formatPercent } from '../../shared/units';
import { SearchStats } from '../model/search';

interface Props {
  term: string;
  isRegex: boolean;
  error?: string;
  /** A regex is still running over the names. */
  pending?: boolean;
  stats?: SearchStats;
  onChange(term: string, isRegex: boolean): void;
}

/** Search by plain text or regex; a bad regex shows here instead of breaking the graph. */
export function SearchBox({ term, isRegex, error, pending, stats, onChange }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.box}>
      <Input
        aria-label="Search functions"
        placeholder={isRegex ? 'Search functions (regex)' : 'Search functions'}
        value={term}
        width={32}
        invalid={!!error}
        onChange={(e) => onChange(e.currentTarget.value, isRegex)}
        suffix={
          // Text, not an icon: every icon is fetched and parsed after the toolbar mounts.
          <ToolbarButton
            className={styles.regex}
            aria-label={isRegex ? 'Search as plain text' : 'Search as regex'}
            title={isRegex ? 'Search as plain text' : 'Search as regex'}
            variant={isRegex ? 'active' : 'default'}
            aria-pressed={isRegex}
            onClick={() => onChange(term, !isRegex)}
          >
            .*
          </ToolbarButton>
        }
      />
      {error && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
      {pending && (
        <span className={styles.stats} data-testid="embers-search-pending">
          Searching…
        </span>
      )}
      {!error && stats && (
        <span className={styles.stats} data-testid="embers-search-stats">
          {stats.count} {stats.count === 1 ? 'match' : 'matches'} · {formatPercent(stats.value, stats.total)} of total
        </span>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  regex: css({ fontFamily: theme.typography.fontFamilyMonospace, height: theme.spacing(3), padding: theme.spacing(0, 0.75) }),
  error: css({ color: theme.colors.error.text, fontSize: theme.typography.bodySmall.fontSize }),
  stats: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, whiteSpace: 'nowrap' }),
});
