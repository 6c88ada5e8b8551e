import { cx } from '@emotion/css';
import { useStyles2, useTheme2 } from '@grafana/ui';
import React, { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useCharPx } from '../hooks/useCharPx';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint';
import { boxLabel, chartTree } from '../model/chartTree';
import { keyToMove, moveCursor } from '../model/cursor';
import { FlameIndex } from '../model/flameIndex';
import { boxAt, FlameBox, FlameLayout, layoutFlame } from '../model/layout';
import { boxColorer, ResolvedScheme } from '../model/nodeColor';
import { Matcher } from '../model/search';
import { FlameMode } from '../types';
import { FrameMenu } from './FrameMenu';
import { FlameChart } from './flameChart';
import { getFlameGraphStyles as getStyles } from './flameGraphStyles';
import { FlameTooltip, boxTitle } from './FlameTooltip';
import { addNarrowBoxesTo, CanvasLabels, depthTop, paintNarrowBoxes, PaintSettings } from './narrowLayer';

/*
 * DOM hooks for browser tests (keep stable):
 * - root: [data-testid="embers-flamegraph"] (the scrolling box), with data-drawn-frames,
 *   data-visible-frames (frame rows drawn / 1 px or wider at this focus and width)
 *   and data-focus (the focused function's name, "" for the whole graph)
 * - labelled frames: svg[data-testid="embers-flamegraph-svg"] g.frame[name] with one <rect>;
 *   every narrower frame is painted on canvas[data-testid="embers-flamegraph-canvas"]
 *   below it, in the same coordinates; both are hit-tested through the layout
 * - the tooltip: [data-testid="embers-flamegraph-tooltip"]; the keyboard cursor:
 *   [data-testid="embers-flamegraph-cursor"]
 */

/** Levels drawn below the focus; deeper children fold into one box (click it to go on). */
const MAX_DEPTH = 400;
/** Ancestors drawn above the focus on a deep stack; the rest fold into one box. */
const MAX_ANCESTORS = 12;
const TOOLTIP_WIDTH = 360;

export interface FlameGraphViewProps {
  index: FlameIndex;
  /** Focused row, −1 for none. */
  focus: number;
  /** True when the focus is the gap of the focus row (its narrow children). */
  focusGroup?: boolean;
  onFocus(row: number, group?: boolean): void;
  mode: FlameMode;
  scheme: ResolvedScheme;
  colorBlind: boolean;
  minFrameWidth: number;
  textSize: number;
  width: number;
  height: number;
  /** While a search is on: what matches (everything else is dimmed). */
  isMatch?: Matcher;
  onSandwich?(name: string): void;
  /** The layout, when the caller made it already (to show its counts in the same render). */
  layout?: FlameLayout;
  /** Hands over a way to get the whole drawing as one SVG (for export). */
  onRendered?(prepare: () => PreparedSvg | null): void;
}

export interface PreparedSvg {
  svg: SVGSVGElement;
  /** Takes the narrow frames added for the export out again. */
  release(): void;
}

export type LayoutViewOptions = Pick<FlameGraphViewProps, 'index' | 'focus' | 'focusGroup' | 'width' | 'minFrameWidth'>;

/** Leave room for a vertical scrollbar so the root spans what is visible. */
const drawWidthOf = (width: number) => Math.max(1, width - 16);

export function layoutForView({ index, focus, focusGroup, width, minFrameWidth }: LayoutViewOptions): FlameLayout {
  return layoutFlame(index, {
    focus,
    focusGroup,
    widthPx: drawWidthOf(width),
    minFramePx: minFrameWidth,
    maxDepth: MAX_DEPTH,
    maxAncestors: MAX_ANCESTORS,
  });
}

type Pointer = { box: number; x: number; y: number };

export const FlameGraphView = memo(function FlameGraphView(props: FlameGraphViewProps) {
  const { index, focus, focusGroup, onFocus, mode, scheme, colorBlind, minFrameWidth, textSize, width, height, isMatch } = props;
  const styles = useStyles2(getStyles, textSize);
  const theme = useTheme2();
  const layerRef = useRef<HTMLDivElement>(null);
  const svgHostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<FlameChart | null>(null);
  const [hover, setHover] = useState<Pointer | null>(null);
  const [menu, setMenu] = useState<{ box: FlameBox; x: number; y: number } | null>(null);
  // The keyboard cursor belongs to one layout: a new focus starts without one (no effect, no second render).
  const [cursorAt, setCursorAt] = useState<{ layout?: FlameLayout; box: number }>({ box: -1 });
  const latest = useRef(props);
  latest.current = props;

  const given = props.layout;
  const layout = useMemo(
    () => given ?? layoutForView({ index, focus, focusGroup, width, minFrameWidth }),
    [given, index, focus, focusGroup, width, minFrameWidth]
  );
  const cursor = cursorAt.layout === layout ? cursorAt.box : -1;
  const setCursor = (box: number) => setCursorAt((current) => (current.box === box && current.layout === layout ? current : { layout, box }));
  const containerClass = useMemo(() => cx(styles.container, mode === 'flame' && styles.rootAtBottom), [styles, mode]);
  const cell = Math.round(textSize * 1.5 + 2);
  const font = `${textSize}px ${theme.typography.fontFamilyMonospace}`;
  const charPx = useCharPx(font, textSize);
  // The first paint is the canvas alone, labels included; d3-flame-graph's SVG (hover,
  // export, the labels people select) mounts over it once that is on screen.
  const svgShown = useAfterFirstPaint();
  const depths = layout.byDepth.length;
  // One row of room above the deepest frame; at least the panel's height, so flame mode's root sits at the bottom.
  const drawHeight = Math.max(height, (depths + 1) * cell);
  const paint: PaintSettings = useMemo(
    () => ({ height: drawHeight, cellHeight: cell, inverted: mode === 'icicle', colorOf: boxColorer(index, scheme, colorBlind, isMatch) }),
    [drawHeight, cell, mode, index, scheme, colorBlind, isMatch]
  );
  const paintRef = useRef(paint);
  paintRef.current = paint;

  useEffect(() => () => chartRef.current?.destroy(), []);

  // The commit path writes only: no layout reads, no waiting for a frame.
  useLayoutEffect(() => {
    const nameOf = (box: FlameBox) => (box.kind === 'frame' || box.kind === 'ancestor' ? index.columns.label(box.row) : boxTitle(index, box));
    const tree = svgShown ? chartTree(layout, nameOf, paint.colorOf, charPx) : undefined;
    if (tree && svgHostRef.current) {
      const chart = (chartRef.current ??= new FlameChart(svgHostRef.current));
      chart.render(tree, { width: layout.widthPx, height: paint.height, cellHeight: paint.cellHeight, inverted: paint.inverted });
    }
    if (canvasRef.current) {
      const labels: CanvasLabels | undefined = svgShown ? undefined : { labelOf: (box) => boxLabel(nameOf(box), box, charPx), font };
      paintNarrowBoxes(canvasRef.current, layout, paint, labels);
    }
  }, [layout, paint, index, charPx, svgShown, font]);

  useEffect(() => {
    latest.current.onRendered?.(() => {
      const svg = chartRef.current?.svg();
      return svg ? { svg, release: addNarrowBoxesTo(svg, layout, paintRef.current) } : null;
    });
  }, [layout]);

  /** The box under a pointer event (layout reads happen here, on input, never on commit). */
  const pointAt = (event: { clientX: number; clientY: number }): Pointer | null => {
    const layer = layerRef.current?.getBoundingClientRect();
    if (!layer) {
      return null;
    }
    const x = event.clientX - layer.left;
    const y = event.clientY - layer.top;
    const depth = paint.inverted ? Math.floor(y / cell) : Math.floor((drawHeight - y) / cell);
    const box = boxAt(layout, x, depth);
    return box >= 0 ? { box, x, y } : null;
  };

  const activate = (id: number) => {
    const box = layout.boxes[id];
    setHover(null);
    switch (box.kind) {
      case 'gap':
        return onFocus(box.parentRow, true);
      case 'deeper':
      case 'group':
        return onFocus(box.parentRow);
      default:
        return onFocus(box.row);
    }
  };

  const onClickCapture = (event: React.MouseEvent) => {
    // Ours, not d3-flame-graph's zoom: a focus lays the graph out again.
    event.stopPropagation();
    const point = pointAt(event);
    if (point) {
      activate(point.box);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const move = keyToMove(event.key, paint.inverted);
    const current = cursor >= 0 ? cursor : layout.chainLength - 1;
    if (move) {
      event.preventDefault();
      setCursor(cursor < 0 ? current : moveCursor(layout, current, move));
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      activate(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onFocus(-1);
    }
  };

  const cursorBox = layout.boxes[cursor];
  const shown = hover ?? (cursorBox ? { box: cursor, x: cursorBox.x + Math.min(cursorBox.w, 40), y: depthTop(cursorBox.depth, paint) + cell } : null);
  const focusRow = layout.boxes[layout.chainLength - 1];

  return (
    <div className={styles.wrapper} style={{ width, height }}>
      <div
        className={containerClass}
        style={{ width, height }}
        data-testid="embers-flamegraph"
        data-drawn-frames={layout.drawn}
        data-visible-frames={layout.visible}
        data-focus={focusRow && focusRow.row >= 0 && focusRow.kind !== 'group' ? index.columns.label(focusRow.row) : ''}
        tabIndex={0}
        role="application"
        aria-label="Flame graph: arrow keys move between frames, Enter focuses, Escape resets"
        onKeyDown={onKeyDown}
        onBlur={() => setCursor(-1)}
        onClickCapture={onClickCapture}
        onMouseMove={(event) => {
          const point = pointAt(event);
          if (point?.box !== hover?.box || point?.box === undefined) {
            setHover(point);
          }
        }}
        onMouseLeave={() => setHover(null)}
        onContextMenu={(event) => {
          const point = pointAt(event);
          const box = point ? layout.boxes[point.box] : undefined;
          if (box && box.row >= 0 && box.kind !== 'collapsed') {
            event.preventDefault();
            setHover(null);
            setMenu({ box, x: event.clientX, y: event.clientY });
          }
        }}
      >
        <div ref={layerRef} className={styles.layer} style={{ width: layout.widthPx, height: drawHeight }}>
          <canvas ref={canvasRef} className={styles.canvas} data-testid="embers-flamegraph-canvas" />
          <div ref={svgHostRef} className={styles.svgHost} />
          {cursorBox && (
            <div
              className={styles.cursor}
              data-testid="embers-flamegraph-cursor"
              aria-live="polite"
              style={{ left: cursorBox.x, top: depthTop(cursorBox.depth, paint), width: Math.max(2, cursorBox.w), height: cell }}
            >
              <span className={styles.srOnly}>{boxTitle(index, cursorBox)}</span>
            </div>
          )}
        </div>
      </div>
      {shown && layout.boxes[shown.box] && (
        <FlameTooltip
          index={index}
          box={layout.boxes[shown.box]}
          // Keep it inside the panel: flip to the left of the pointer near the right edge.
          x={shown.x + TOOLTIP_WIDTH + 24 > width ? Math.max(0, shown.x - TOOLTIP_WIDTH - 24) : shown.x}
          y={shown.y}
          above={shown.y > height / 2 ? height - shown.y : undefined}
        />
      )}
      {menu && <FrameMenu {...menu} name={index.columns.label(menu.box.row)} onClose={() => setMenu(null)} onFocus={onFocus} onSandwich={props.onSandwich} />}
    </div>
  );
});
