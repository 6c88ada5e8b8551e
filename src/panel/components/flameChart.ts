import flamegraph, { FlameGraph, FlameSelection, FlameTooltip } from 'd3-flame-graph';
import { DrawNode } from '../model/prune';

export interface ChartSettings {
  width: number;
  minHeight: number;
  cellHeight: number;
  inverted: boolean;
  color: (node: DrawNode) => string;
}

/**
 * Drives one d3-flame-graph chart inside `container`. It is only ever given the
 * small pruned tree (fresh objects each time, as it mutates them); clicks and
 * hovers are caught by the view before d3-flame-graph's own zoom sees them.
 */
export class FlameChart {
  private chart: FlameGraph<DrawNode>;
  private started = false;
  private settings?: ChartSettings;

  constructor(private container: HTMLElement) {
    const silentTooltip = Object.assign(() => {}, { show: () => {}, hide: () => {} }) as FlameTooltip;
    this.chart = flamegraph<DrawNode>()
      .tooltip(silentTooltip)
      .sort(false)
      .resetHeightOnZoom(true)
      // Never d3-flame-graph's `new RegExp(term)`: matches are decided when the tree is pruned.
      .setSearchMatch((node) => node.data.highlight)
      .setSearchHandler(() => {})
      .setDetailsHandler(() => {})
      .setColorMapper((node) => this.settings?.color(node.data) ?? '#999');
  }

  render(tree: DrawNode, settings: ChartSettings) {
    this.settings = settings;
    this.chart
      .width(Math.max(1, Math.floor(settings.width)))
      .cellHeight(settings.cellHeight)
      .minHeight(settings.minHeight)
      .inverted(settings.inverted)
      // No animation: on thousands of frames it costs more than it shows (see settleFrames).
      .transitionDuration(0);
    if (!this.started) {
      const selection = elementSelection(this.container);
      selection.datum(tree);
      this.chart(selection);
      this.started = true;
      this.container.querySelector('svg')?.setAttribute('data-testid', 'embers-flamegraph-svg');
    } else {
      this.chart.update(tree);
    }
    this.settleFrames(settings);
  }

  /**
   * d3-flame-graph finishes every update in transitions (new rects and labels
   * even at duration 0, moved frames at the set duration), which run over the
   * next animation frames and redo the work on thousands of elements. Each
   * frame's final geometry is known now: apply it and stop those transitions,
   * so one update is one paint.
   */
  private settleFrames(settings: ChartSettings) {
    const svg = this.svg();
    const height = Number(svg?.getAttribute('height')) || 0;
    const width = Math.max(1, Math.floor(settings.width));
    const cell = settings.cellHeight;
    this.container.querySelectorAll('g.frame').forEach((group) => {
      const node = (group as Element & { __data__?: { x0: number; depth: number } }).__data__;
      const rect = group.querySelector('rect');
      const label = group.querySelector('div');
      stopTransitions(group);
      stopTransitions(rect);
      stopTransitions(label);
      if (node) {
        const y = settings.inverted ? node.depth * cell : height - node.depth * cell - cell;
        group.setAttribute('transform', `translate(${node.x0 * width},${y})`);
      }
      const frameWidth = group.getAttribute('width');
      if (rect && frameWidth !== null) {
        rect.setAttribute('width', frameWidth);
      }
      settleLabel(group, Number(frameWidth), cell);
    });
  }

  svg(): SVGSVGElement | null {
    return this.container.querySelector('svg');
  }

  destroy() {
    if (this.started) {
      this.chart.destroy();
    }
    this.started = false;
  }
}

/** The little of d3-selection d3-flame-graph needs, for one element (data lives in __data__ as in d3). */
function elementSelection(element: HTMLElement): FlameSelection {
  const holder = element as HTMLElement & { __data__?: unknown };
  const selection: FlameSelection = {
    datum(value) {
      const next = typeof value === 'function' ? value.call(element, holder.__data__, 0, [element]) : value;
      if (next === null || next === undefined) {
        delete holder.__data__;
      } else {
        holder.__data__ = next;
      }
      return selection;
    },
    each(callback) {
      callback.call(element, holder.__data__, 0, [element]);
      return selection;
    },
    node: () => element,
    selectAll: (selector) => ({
      remove: () => element.querySelectorAll(selector).forEach((el) => el.remove()),
    }),
  };
  return selection;
}

/** Frames narrower than this show no label (d3-flame-graph's own cut-off). */
const LABEL_MIN_WIDTH = 35;
const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Most frames are too narrow for a label, yet d3-flame-graph gives each one a
 * <foreignObject> with a <div>, the costliest part of the DOM to lay out. Drop
 * those on narrow frames and add them back when a frame widens (after a focus).
 */
function settleLabel(group: Element, width: number, cell: number) {
  let holder = group.querySelector('foreignObject');
  if (width < LABEL_MIN_WIDTH) {
    holder?.remove();
    return;
  }
  if (!holder) {
    holder = document.createElementNS(SVG_NS, 'foreignObject');
    holder.setAttribute('height', String(cell));
    holder.setAttribute('style', 'pointer-events: none;');
    const div = document.createElementNS(XHTML_NS, 'div');
    div.setAttribute('class', 'd3-flame-graph-label');
    holder.appendChild(div);
    group.appendChild(holder);
  }
  holder.setAttribute('width', String(width));
  const label = holder.firstElementChild as HTMLElement | null;
  if (label) {
    label.style.display = 'block';
    // textContent: names are untrusted text, never markup.
    label.textContent = group.getAttribute('name');
  }
}

/** Ends d3-transition's pending transitions on an element, as d3's interrupt() does. */
function stopTransitions(element: Element | null) {
  const holder = element as (Element & { __transition?: Record<string, { timer?: { stop(): void } }> }) | null;
  const schedules = holder?.__transition;
  if (!holder || !schedules) {
    return;
  }
  for (const id of Object.keys(schedules)) {
    schedules[id].timer?.stop();
  }
  delete holder.__transition;
}

/** The drawn node under a DOM event target, if it is a frame. */
export function drawNodeAt(target: EventTarget | null): DrawNode | undefined {
  const group = target instanceof Element ? target.closest('g.frame') : null;
  const datum = (group as (Element & { __data__?: { data?: DrawNode } }) | null)?.__data__;
  return datum?.data;
}
