import flamegraph, { FlameGraph, FlameSelection, FlameTooltip } from 'd3-flame-graph';
import { DrawNode } from '../model/prune';

export interface ChartSettings {
  width: number;
  minHeight: number;
  cellHeight: number;
  inverted: boolean;
  color: (node: DrawNode) => string;
}

/** Above this many frames, transitions cost more than they show. */
const ANIMATE_UP_TO = 300;

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

  render(tree: DrawNode, frames: number, settings: ChartSettings) {
    this.settings = settings;
    this.chart
      .width(Math.max(1, Math.floor(settings.width)))
      .cellHeight(settings.cellHeight)
      .minHeight(settings.minHeight)
      .inverted(settings.inverted)
      .transitionDuration(frames > ANIMATE_UP_TO ? 0 : 150);
    if (!this.started) {
      const selection = elementSelection(this.container);
      selection.datum(tree);
      this.chart(selection);
      this.started = true;
      this.container.querySelector('svg')?.setAttribute('data-testid', 'embers-flamegraph-svg');
    } else {
      this.chart.update(tree);
    }
    this.settleFrames();
  }

  /**
   * d3-flame-graph sizes new rects and labels in transitions (250 ms even at
   * duration 0). Their final width is already on each <g>: apply it now so the
   * first paint is complete; the transitions then tween to the same value.
   */
  private settleFrames() {
    this.container.querySelectorAll('g.frame').forEach((group) => {
      const width = group.getAttribute('width');
      const rect = group.querySelector('rect');
      if (rect && width !== null) {
        rect.setAttribute('width', width);
      }
      const label = group.querySelector('div');
      if (label && Number(width) >= 35) {
        label.textContent = group.getAttribute('name');
      }
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

/** The drawn node under a DOM event target, if it is a frame. */
export function drawNodeAt(target: EventTarget | null): DrawNode | undefined {
  const group = target instanceof Element ? target.closest('g.frame') : null;
  const datum = (group as (Element & { __data__?: { data?: DrawNode } }) | null)?.__data__;
  return datum?.data;
}
