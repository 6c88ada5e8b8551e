// The parts of d3-flame-graph 5.0.0 this panel calls (the package ships no types).
declare module 'd3-flame-graph' {
  /** A d3-hierarchy node wrapping one datum; d3-flame-graph lays these out. */
  export interface FlameHierarchyNode<T> {
    data: T;
    depth: number;
    x0: number;
    x1: number;
    value: number;
  }

  /** A tooltip is a callable with show/hide; d3-flame-graph then skips its <title> elements. */
  export interface FlameTooltip {
    (selection: unknown): void;
    show(event: unknown, node: unknown): void;
    hide(): void;
  }

  export interface FlameGraph<T> {
    (selection: unknown): void;
    width(pixels: number): FlameGraph<T>;
    height(pixels: number | null): FlameGraph<T>;
    minHeight(pixels: number): FlameGraph<T>;
    cellHeight(pixels: number): FlameGraph<T>;
    inverted(inverted: boolean): FlameGraph<T>;
    transitionDuration(ms: number): FlameGraph<T>;
    resetHeightOnZoom(reset: boolean): FlameGraph<T>;
    sort(sort: boolean): FlameGraph<T>;
    tooltip(tooltip: FlameTooltip): FlameGraph<T>;
    minFrameSize(pixels: number): FlameGraph<T>;
    setColorMapper(mapper: (node: FlameHierarchyNode<T>, original: string) => string): FlameGraph<T>;
    setSearchMatch(match: (node: FlameHierarchyNode<T>, term: string) => boolean): FlameGraph<T>;
    setSearchHandler(handler: (results: unknown[], sum: number, total: number) => void): FlameGraph<T>;
    setDetailsHandler(handler: (details: string | null) => void): FlameGraph<T>;
    update(data?: T): FlameGraph<T>;
    destroy(): FlameGraph<T>;
  }

  export default function flamegraph<T = unknown>(): FlameGraph<T>;
}

// The calls of d3-selection (d3-flame-graph's own dependency) the panel makes.
declare module 'd3-selection' {
  export interface Selection {
    datum(value: unknown): Selection;
    call(fn: (selection: Selection) => void): Selection;
    selectAll(selector: string): Selection;
    /** Each selected element's first match, bound to its parent's datum. */
    select(selector: string): Selection;
    text<D>(value: (datum: D) => string): Selection;
  }
  export function select(element: Element): Selection;
}

// d3-transition runs on d3-timer: flushing it applies transitions of duration 0 at once.
declare module 'd3-timer' {
  export function timerFlush(): void;
}
