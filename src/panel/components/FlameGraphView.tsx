import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { ContextMenu, MenuItem, useStyles2 } from '@grafana/ui';
import React, { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { FlameIndex } from '../model/flameIndex';
import { nodeColor, ResolvedScheme } from '../model/nodeColor';
import { DrawNode, pruneTree, PruneResult } from '../model/prune';
import { Matcher } from '../model/search';
import { FlameMode } from '../types';
import { drawNodeAt, FlameChart } from './flameChart';
import { FlameTooltip } from './FlameTooltip';

/*
 * DOM hooks for browser tests (keep stable):
 * - root container: [data-testid="embers-flamegraph"] (the scrolling box)
 * - the flame graph: svg[data-testid="embers-flamegraph-svg"]
 * - each drawn frame: <g class="frame"> (class "frame fade" on the path above the
 *   focus) with a `name` attribute = function name, holding one <rect> whose width
 *   is the frame's width in px; "…" frames hold pruned samples
 * - a click on a frame focuses it; a click on a faded ancestor focuses that ancestor;
 *   a click on the focus's "…" spreads its narrow frames across the width
 * - the tooltip: [data-testid="embers-flamegraph-tooltip"] (shown on hover)
 * - positions and rect widths are final as soon as a render returns (no transitions)
 */

/** Levels drawn below the focus; deeper children fold into "…" (click it to focus its parent). */
const MAX_DEPTH = 400;
/** d3-flame-graph lays out everything it holds on every update: keep it to a few thousand frames. */
const MAX_FRAMES = 4000;
/** The tooltip's widest, for keeping it inside the panel. */
const TOOLTIP_WIDTH = 360;

export interface FlameGraphViewProps {
  index: FlameIndex;
  /** Focused row, −1 for none. */
  focus: number;
  /** True when the focus is the "…" of the focus row (its narrow children). */
  focusGroup?: boolean;
  onFocus(row: number, group?: boolean): void;
  mode: FlameMode;
  scheme: ResolvedScheme;
  colorBlind: boolean;
  minFrameWidth: number;
  textSize: number;
  width: number;
  height: number;
  isMatch?: Matcher;
  onSandwich?(name: string): void;
  /**
   * The tree to draw, when the caller has pruned it already with pruneForView (to
   * show how much was folded in the same render); pruned here otherwise.
   */
  pruned?: PruneResult;
  onRendered?(svg: SVGSVGElement | null): void;
}

export type PruneViewOptions = Pick<FlameGraphViewProps, 'index' | 'focus' | 'focusGroup' | 'width' | 'minFrameWidth' | 'isMatch'>;

/** Leave room for a vertical scrollbar so the root spans what is visible. */
const drawWidthOf = (width: number) => Math.max(1, width - 16);

/** The pruned tree a FlameGraphView of these props draws. */
export function pruneForView({ index, focus, focusGroup, width, minFrameWidth, isMatch }: PruneViewOptions): PruneResult {
  return pruneTree(index, {
    focus,
    focusGroup,
    widthPx: drawWidthOf(width),
    minFramePx: minFrameWidth,
    maxDepth: MAX_DEPTH,
    maxFrames: MAX_FRAMES,
    isMatch,
  });
}

export const FlameGraphView = memo(function FlameGraphView(props: FlameGraphViewProps) {
  const { index, focus, focusGroup, onFocus, mode, scheme, colorBlind, minFrameWidth, textSize, width, height, isMatch } = props;
  const styles = useStyles2(getStyles, textSize);
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<FlameChart | null>(null);
  const [hover, setHover] = useState<{ node: DrawNode; x: number; y: number } | null>(null);
  const [menu, setMenu] = useState<{ node: DrawNode; x: number; y: number } | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  const drawWidth = drawWidthOf(width);
  const given = props.pruned;
  const pruned = useMemo(
    () => given ?? pruneForView({ index, focus, focusGroup, width, minFrameWidth, isMatch }),
    [given, index, focus, focusGroup, width, minFrameWidth, isMatch]
  );

  useEffect(
    () => () => {
      chartRef.current?.destroy();
      chartRef.current = null;
    },
    []
  );

  useLayoutEffect(() => {
    const container = containerRef.current;
    const chart = chartRef.current ?? new FlameChart(container!);
    chartRef.current = chart;
    chart.render(pruned.root, {
      width: drawWidth,
      minHeight: height,
      cellHeight: Math.round(textSize * 1.5 + 2),
      inverted: mode === 'icicle',
      color: (node) => nodeColor(node, index, scheme, colorBlind),
    });
    if (container && mode === 'flame') {
      // The root sits at the bottom. Scroll on the next frame, so reading the height
      // does not force a layout of every frame before React has finished.
      requestAnimationFrame(() => (container.scrollTop = container.scrollHeight));
    }
    callbacks.current.onRendered?.(chart.svg());
  }, [pruned, drawWidth, height, textSize, mode, index, scheme, colorBlind]);

  const onClickCapture = (event: React.MouseEvent) => {
    const node = drawNodeAt(event.target);
    if (!node) {
      return;
    }
    // Ours, not d3-flame-graph's zoom: focus re-prunes the whole frame.
    event.stopPropagation();
    setHover(null);
    const { onFocus: focusOn, focus: current, focusGroup: inGroup } = callbacks.current;
    if (node.kind === 'folded' && node.parentRow === current && !inGroup) {
      focusOn(current, true); // spread the focus's narrow children across the width
    } else if (node.kind === 'folded' || node.kind === 'deeper' || node.kind === 'group') {
      focusOn(node.parentRow);
    } else {
      focusOn(node.row);
    }
  };

  const position = (event: React.MouseEvent) => {
    const box = containerRef.current!.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  const onMouseMove = (event: React.MouseEvent) => {
    const node = drawNodeAt(event.target);
    setHover(node ? { node, ...position(event) } : null);
  };

  const onContextMenu = (event: React.MouseEvent) => {
    const node = drawNodeAt(event.target);
    if (!node || node.row < 0) {
      return;
    }
    event.preventDefault();
    setHover(null);
    setMenu({ node, x: event.clientX, y: event.clientY });
  };

  return (
    <div className={styles.wrapper} style={{ width, height }}>
      <div
        ref={containerRef}
        className={styles.container}
        style={{ width, height }}
        data-testid="embers-flamegraph"
        onClickCapture={onClickCapture}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setHover(null)}
        onContextMenu={onContextMenu}
      />
      {hover && (
        <FlameTooltip
          index={index}
          node={hover.node}
          // Keep it inside the panel: flip to the left of the pointer near the right edge.
          x={hover.x + TOOLTIP_WIDTH + 24 > width ? Math.max(0, hover.x - TOOLTIP_WIDTH - 24) : hover.x}
          y={hover.y}
          // In the lower half, hang it above the pointer so it is not cut off.
          above={hover.y > height / 2 ? height - hover.y : undefined}
        />
      )}
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          onClose={() => setMenu(null)}
          renderMenuItems={() => (
            <>
              <MenuItem label="Focus on this frame" icon="search-plus" onClick={() => onFocus(menu.node.row)} />
              {props.onSandwich && (
                <MenuItem
                  label="Sandwich view (callers and callees)"
                  icon="gf-layout-simple"
                  onClick={() => props.onSandwich?.(menu.node.name)}
                />
              )}
              <MenuItem label="Reset focus" icon="home-alt" onClick={() => onFocus(-1)} />
            </>
          )}
        />
      )}
    </div>
  );
});

const getStyles = (theme: GrafanaTheme2, textSize: number) => ({
  wrapper: css({ position: 'relative' }),
  container: css({
    overflowY: 'auto',
    overflowX: 'hidden',
    'svg.d3-flame-graph': { display: 'block' },
    'g.frame': { cursor: 'pointer' },
    'g.frame rect': { stroke: theme.colors.background.primary, strokeWidth: 0.5 },
    'g.frame.fade': { opacity: 0.55 },
    'g.frame:hover rect': { stroke: theme.colors.text.primary, strokeWidth: 1 },
    '.d3-flame-graph-label': {
      pointerEvents: 'none',
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      fontSize: textSize,
      lineHeight: `${Math.round(textSize * 1.5 + 2)}px`,
      fontFamily: theme.typography.fontFamilyMonospace,
      padding: '0 4px',
      color: '#111',
    },
  }),
});
