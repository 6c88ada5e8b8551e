import flamegraph, { FlameGraph, FlameHierarchyNode, FlameTooltip } from 'd3-flame-graph';
import { select } from 'd3-selection';
import { timerFlush } from 'd3-timer';
import { ChartNode, LABEL_MIN_PX } from '../model/chartTree';

export interface ChartSettings {
  width: number;
  /** Height of the drawing; the layout knows it, so d3-flame-graph need not work it out. */
  height: number;
  cellHeight: number;
  inverted: boolean;
}

/**
 * Drives one d3-flame-graph chart inside `container` through its public API. It
 * is only given the labelled frames (see chartTree) and draws nothing narrower
 * than a label; clicks and hovers are caught by the view and hit-tested on the
 * layout before d3-flame-graph's own zoom sees them.
 */
export class FlameChart {
  private chart: FlameGraph<ChartNode>;
  private started = false;

  constructor(private container: HTMLElement) {
    const silentTooltip = Object.assign(() => {}, { show: () => {}, hide: () => {} }) as FlameTooltip;
    this.chart = flamegraph<ChartNode>()
      .tooltip(silentTooltip)
      .sort(false)
      .resetHeightOnZoom(false)
      // Spacers (narrow frames drawn on the canvas) keep their room but get no element.
      .minFrameSize(LABEL_MIN_PX - 0.5)
      // Never d3-flame-graph's `new RegExp(term)`: matches are coloured by the view.
      .setSearchMatch(() => false)
      .setSearchHandler(() => {})
      .setDetailsHandler(() => {})
      .setColorMapper((node) => node.data.color)
      // No animation: a redraw is one paint.
      .transitionDuration(0);
  }

  render(tree: ChartNode, settings: ChartSettings) {
    this.chart
      .width(Math.max(1, settings.width))
      .height(settings.height)
      .cellHeight(settings.cellHeight)
      .inverted(settings.inverted);
    if (!this.started) {
      select(this.container).datum(tree).call(this.chart);
      this.started = true;
      this.svg()?.setAttribute('data-testid', 'embers-flamegraph-svg');
    } else {
      this.chart.update(tree);
    }
    // Its transitions (duration 0) would land in the next animation frame: apply them in
    // this commit, so the drawing is final when the view is (and one frame sooner).
    timerFlush();
    // d3-flame-graph labels a frame with its whole name; show the fitted one (its end kept).
    select(this.container)
      .selectAll('g.frame')
      .select('div.d3-flame-graph-label')
      .text((d: FlameHierarchyNode<ChartNode>) => d.data.label);
    // With a fixed height d3-flame-graph places frames by it but sets the attribute only once.
    this.svg()?.setAttribute('height', String(settings.height));
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
