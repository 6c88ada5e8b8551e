import { css } from '@emotion/css';
import { DataFrame, GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import React, { useCallback, useMemo, useRef, useState } from 'react';
import { FlameColumns } from '../../shared/flameColumns';
import { useFlameUrlState } from '../hooks/useFlameUrlState';
import { FlameIndex } from '../model/flameIndex';
import { focusToText, textToFocus } from '../model/focusPath';
import { resolveScheme } from '../model/nodeColor';
import { makeMatcher, searchStats } from '../model/search';
import { TopTable } from '../table/TopTable';
import { FlameGraphOptions, FlameMode } from '../types';
import { DiffLegend } from './DiffLegend';
import { ExportMenu } from './ExportMenu';
import { FlameGraphView, pruneForView } from './FlameGraphView';
import { SandwichView } from './SandwichView';
import { SearchBox } from './SearchBox';
import { Toolbar } from './Toolbar';

interface Props {
  frame: DataFrame;
  columns: FlameColumns;
  index: FlameIndex;
  options: FlameGraphOptions;
  onModeChange(mode: FlameMode): void;
  width: number;
  height: number;
  title: string;
  /** Keys this panel's URL state apart from other flame graphs on the dashboard. */
  panelId?: number;
}

const TOOLBAR_HEIGHT = 40;

/** The interactive panel body: toolbar, graph (or sandwich), optional table. */
export function FlameExplorer({ frame, columns, index, options, onModeChange, width, height, title, panelId }: Props) {
  const styles = useStyles2(getStyles);
  const [url, setUrl] = useFlameUrlState(panelId);
  const [exportError, setExportError] = useState<string>();
  const svgRef = useRef<SVGSVGElement | null>(null);

  // With a single root, "no focus" is the root (so a click on its "…" knows it is the focus).
  const singleRoot = index.columns.length > 0 && index.end[0] >= index.columns.length;
  const focus = useMemo(() => {
    const parsed = textToFocus(index, url.focus);
    return parsed.row < 0 && singleRoot ? { ...parsed, row: 0 } : parsed;
  }, [index, url.focus, singleRoot]);
  const onFocus = useCallback(
    (row: number, group = false) => {
      const isWhole = row < 0 || (singleRoot && row === 0);
      setUrl({ focus: isWhole && !group ? '' : focusToText(index, { row, group }) });
    },
    [index, setUrl, singleRoot]
  );
  const matcher = useMemo(() => makeMatcher(url.search, url.regex), [url.search, url.regex]);
  const stats = useMemo(() => (matcher.match ? searchStats(index, matcher.match) : undefined), [index, matcher]);
  const scheme = resolveScheme(options.colorScheme, index.isDiff);
  const onRendered = useCallback((svg: SVGSVGElement | null) => {
    svgRef.current = svg;
  }, []);

  const bodyHeight = Math.max(60, height - TOOLBAR_HEIGHT);
  const tableMode = options.showTable ?? 'off';
  const graphWidth = tableMode === 'beside' ? Math.floor(width / 2) : width;
  const tableWidth = tableMode === 'beside' ? width - graphWidth - 8 : width;
  const view = {
    scheme,
    colorBlind: options.colorBlind,
    minFrameWidth: Math.max(0, Number(options.minFrameWidth) || 0),
    textSize: Math.min(24, Math.max(8, Number(options.textSize) || 12)),
    isMatch: matcher.match,
  };
  // Pruned here, not in the view, so the toolbar's "showing N of M" note comes in the
  // same render as the graph instead of a second render of the whole panel after it.
  const graphShown = tableMode !== 'only' && !url.sandwich;
  const { minFrameWidth, isMatch } = view;
  const pruned = useMemo(
    () =>
      graphShown
        ? pruneForView({ index, focus: focus.row, focusGroup: focus.group, width: graphWidth, minFrameWidth, isMatch })
        : undefined,
    [graphShown, index, focus, graphWidth, minFrameWidth, isMatch]
  );

  return (
    <div className={styles.panel}>
      <Toolbar
        mode={options.mode}
        onModeChange={onModeChange}
        focused={url.focus !== ''}
        onReset={() => onFocus(-1)}
        shown={pruned}
      >
        <SearchBox
          term={url.search}
          isRegex={url.regex}
          error={matcher.error}
          stats={stats}
          onChange={(search, regex) => setUrl({ search, regex })}
        />
        {scheme === 'diff' && <DiffLegend colorBlind={options.colorBlind} />}
        <ExportMenu
          columns={columns}
          frame={frame}
          getSvg={() => svgRef.current}
          fileName={fileNameOf(title)}
          onError={setExportError}
        />
      </Toolbar>
      {exportError && (
        <Alert title="Export failed" severity="error" onRemove={() => setExportError(undefined)}>
          {exportError}
        </Alert>
      )}
      <div className={styles.body}>
        {tableMode !== 'only' &&
          (url.sandwich ? (
            <SandwichView
              {...view}
              columns={columns}
              functionName={url.sandwich}
              onBack={() => setUrl({ sandwich: '' })}
              width={graphWidth}
              height={bodyHeight}
            />
          ) : (
            <FlameGraphView
              {...view}
              index={index}
              focus={focus.row}
              focusGroup={focus.group}
              onFocus={onFocus}
              mode={options.mode}
              width={graphWidth}
              height={bodyHeight}
              onSandwich={(name) => setUrl({ sandwich: name })}
              pruned={pruned}
              onRendered={onRendered}
            />
          ))}
        {tableMode !== 'off' && (
          <TopTable
            columns={columns}
            onSelectFunction={(name) => setUrl({ search: name, regex: false })}
            width={tableWidth}
            height={bodyHeight}
          />
        )}
      </div>
    </div>
  );
}

function fileNameOf(title: string): string {
  return (title || 'flamegraph').replace(/[^\w.-]+/g, '_').slice(0, 80) || 'flamegraph';
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', height: '100%', overflow: 'hidden' }),
  body: css({ display: 'flex', gap: theme.spacing(1) }),
});
