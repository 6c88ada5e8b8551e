import { css } from '@emotion/css';
import { DataFrame, GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import React, { useCallback, useMemo, useRef, useState } from 'react';
import { FlameColumns } from '../../shared/flameColumns';
import { formatValue } from '../../shared/units';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint';
import { useDebounced } from '../hooks/useDebounced';
import { useFlameUrlState } from '../hooks/useFlameUrlState';
import { ToolbarOptions } from '../hooks/useLocalOptions';
import { useSearch } from '../hooks/useSearch';
import { FlameIndex } from '../model/flameIndex';
import { focusToText, textToFocus } from '../model/focusPath';
import { resolveScheme } from '../model/nodeColor';
import { searchStats } from '../model/search';
import { TopTable } from '../table/TopTable';
import { FlameGraphOptions, FlameMode } from '../types';
import { DiffLegend } from './DiffLegend';
import { ExportMenu } from './ExportMenu';
import { FlameGraphView, layoutForView, PreparedSvg } from './FlameGraphView';
import { SandwichView } from './SandwichView';
import { SearchBox } from './SearchBox';
import { Toolbar } from './Toolbar';
import { ViewControls } from './ViewControls';

interface Props {
  frame: DataFrame;
  columns: FlameColumns;
  index: FlameIndex;
  /** The options in force (the panel's, with the toolbar's local changes). */
  options: FlameGraphOptions;
  onOptionsChange(change: Partial<ToolbarOptions>): void;
  width: number;
  height: number;
  title: string;
  /** Keys this panel's URL state apart from other flame graphs on the dashboard. */
  panelId?: number;
}

const TOOLBAR_HEIGHT = 40;
/** A resize redraws once it has held still this long. */
const RESIZE_SETTLE_MS = 120;

/** The interactive panel body: toolbar, graph (or sandwich), optional table. */
export function FlameExplorer({
  frame,
  columns,
  index,
  options,
  onOptionsChange,
  width: liveWidth,
  height: liveHeight,
  title,
  panelId,
}: Props) {
  const styles = useStyles2(getStyles);
  const width = useDebounced(liveWidth, RESIZE_SETTLE_MS);
  const height = useDebounced(liveHeight, RESIZE_SETTLE_MS);
  const [url, setUrl] = useFlameUrlState(panelId);
  const [exportError, setExportError] = useState<string>();
  const prepareSvg = useRef<() => PreparedSvg | null>(() => null);
  const toolbarShown = useAfterFirstPaint();

  // With a single root, "no focus" is the root (so a click on one of its gaps knows it is the focus).
  const singleRoot = index.columns.length > 0 && index.end[0] >= index.columns.length;
  const focus = useMemo(() => {
    const parsed = textToFocus(index, url.focus);
    return parsed.row < 0 && singleRoot ? { ...parsed, row: 0 } : parsed;
  }, [index, url.focus, singleRoot]);
  const onFocus = useCallback(
    (row: number, group = false) => {
      const isWhole = row < 0 || (singleRoot && row === 0);
      setUrl({ focus: isWhole && !group ? '' : focusToText(index, { row, group }), sandwich: '' });
    },
    [index, setUrl, singleRoot]
  );
  const search = useSearch(index, url.search, url.regex);
  const stats = useMemo(() => (search.match ? searchStats(index, search.match) : undefined), [index, search.match]);
  const scheme = resolveScheme(options.colorScheme, index.isDiff);
  const onRendered = useCallback((prepare: () => PreparedSvg | null) => {
    prepareSvg.current = prepare;
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
    isMatch: search.match,
  };
  // Laid out here, not in the view, so the toolbar's "showing N of M" note comes in the
  // same render as the graph instead of a second render of the whole panel after it.
  const graphShown = tableMode !== 'only' && !url.sandwich;
  const { minFrameWidth } = view;
  const layout = useMemo(
    () =>
      graphShown
        ? layoutForView({ index, focus: focus.row, focusGroup: focus.group, width: graphWidth, minFrameWidth })
        : undefined,
    [graphShown, index, focus, graphWidth, minFrameWidth]
  );
  const total = index.leftTotal + index.rightTotal;

  const onReset = useCallback(() => onFocus(-1), [onFocus]);
  const onModeChange = useCallback((mode: FlameMode) => onOptionsChange({ mode }), [onOptionsChange]);
  const onSandwich = useCallback((name: string) => setUrl({ sandwich: name }), [setUrl]);

  // What a focus does not change is made once: a click re-renders the graph and the
  // reset button, not the search box, menus and table (Grafana's buttons compute
  // their styles on every render).
  const { search: term, regex } = url;
  const { colorScheme, colorBlind } = options;
  const controls = useMemo(
    () =>
      toolbarShown && (
        <>
          <ViewControls
            showTable={tableMode}
            onShowTableChange={(showTable) => onOptionsChange({ showTable })}
            colorScheme={colorScheme}
            onColorSchemeChange={(scheme) => onOptionsChange({ colorScheme: scheme })}
          />
          <SearchBox
            term={term}
            isRegex={regex}
            error={search.error}
            pending={search.pending}
            stats={stats}
            onChange={(searchTerm, isRegex) => setUrl({ search: searchTerm, regex: isRegex })}
          />
          {scheme === 'diff' && <DiffLegend colorBlind={colorBlind} />}
          <span className={styles.total} data-testid="embers-total">
            Total {formatValue(total, columns.unit)}
          </span>
          <ExportMenu
            columns={columns}
            frame={frame}
            prepareSvg={() => prepareSvg.current()}
            fileName={fileNameOf(title)}
            onError={setExportError}
          />
        </>
      ),
    [
      toolbarShown,
      tableMode,
      colorScheme,
      colorBlind,
      onOptionsChange,
      term,
      regex,
      search.error,
      search.pending,
      stats,
      setUrl,
      scheme,
      styles,
      total,
      columns,
      frame,
      title,
    ]
  );
  const table = useMemo(
    () =>
      tableMode === 'off' ? null : (
        <TopTable
          columns={columns}
          onSelectFunction={(name) => {
            // The function merged over every place it appears, in the graph's place.
            setUrl({ sandwich: name });
            if (tableMode === 'only') {
              onOptionsChange({ showTable: 'beside' });
            }
          }}
          onSearchFunction={(name) => setUrl({ search: name, regex: false })}
          width={tableWidth}
          height={bodyHeight}
        />
      ),
    [tableMode, columns, setUrl, onOptionsChange, tableWidth, bodyHeight]
  );

  return (
    <div className={styles.panel}>
      {toolbarShown ? (
        <Toolbar
          mode={options.mode}
          onModeChange={onModeChange}
          focused={url.focus !== ''}
          onReset={onReset}
          shown={layout && { drawn: layout.drawn, total: layout.visible }}
        >
          {controls}
        </Toolbar>
      ) : (
        <div className={styles.toolbarSpace} />
      )}
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
              onSandwich={onSandwich}
              layout={layout}
              onRendered={onRendered}
            />
          ))}
        {table}
      </div>
    </div>
  );
}

function fileNameOf(title: string): string {
  return (title || 'flamegraph').replace(/[^\w.-]+/g, '_').slice(0, 80) || 'flamegraph';
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', height: '100%', overflow: 'hidden' }),
  // The toolbar's row, kept while it mounts so the graph does not move.
  toolbarSpace: css({ height: TOOLBAR_HEIGHT, flexShrink: 0 }),
  body: css({ display: 'flex', gap: theme.spacing(1) }),
  total: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
  }),
});
