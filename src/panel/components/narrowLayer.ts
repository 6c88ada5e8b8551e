import { isAboveFocus, isLabelled } from '../model/chartTree';
import { FlameBox, FlameLayout } from '../model/layout';
import { FADED_OPACITY, LABEL_COLOR, LABEL_PADDING_PX } from './flameGraphStyles';

export interface PaintSettings {
  height: number;
  cellHeight: number;
  inverted: boolean;
  colorOf(box: FlameBox): string;
}

/** y of a depth's top edge: the root at the bottom (flame) or on top (icicle). */
export function depthTop(depth: number, settings: Pick<PaintSettings, 'height' | 'cellHeight' | 'inverted'>) {
  return settings.inverted ? depth * settings.cellHeight : settings.height - (depth + 1) * settings.cellHeight;
}

/** What the canvas needs to draw the labelled frames' text (before their SVG is mounted). */
export interface CanvasLabels {
  /** The label's text, fitted to the box (as chartTree fits it for the SVG). */
  labelOf(box: FlameBox): string;
  /** The labels' CSS font, e.g. "12px Roboto Mono". */
  font: string;
}

/**
 * Paints every box too narrow for a label (the SVG above draws the others) into
 * one canvas of the graph's size, in the same coordinates: no element per frame.
 * With `labels`, the labelled boxes and their text are painted too: the first
 * paint needs no SVG, which mounts over them once the graph is on screen.
 */
export function paintNarrowBoxes(
  canvas: HTMLCanvasElement,
  layout: FlameLayout,
  settings: PaintSettings,
  labels?: CanvasLabels
): number {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.ceil(layout.widthPx);
  // Setting a canvas' size, even to the same value, drops its buffer and re-lays it out: only on a change.
  const [pxWidth, pxHeight] = [Math.ceil(width * ratio), Math.ceil(settings.height * ratio)];
  if (canvas.width !== pxWidth || canvas.height !== pxHeight) {
    canvas.width = pxWidth;
    canvas.height = pxHeight;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${settings.height}px`;
  }
  const ctx = canvasContext(canvas);
  if (!ctx) {
    return 0;
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, settings.height);
  // One fillStyle per colour: parsing a colour string costs more than the rect.
  const byColor = new Map<string, FlameBox[]>();
  const labelled: number[] = [];
  const { boxes } = layout;
  for (let id = 0; id < boxes.length; id++) {
    const box = boxes[id];
    if (isLabelled(box)) {
      if (labels) {
        labelled.push(id);
      }
    } else if (box.w >= 1) {
      const color = settings.colorOf(box);
      const same = byColor.get(color);
      if (same) {
        same.push(box);
      } else {
        byColor.set(color, [box]);
      }
    }
  }
  let painted = 0;
  const fill = snappedFill(ctx, ratio, settings);
  byColor.forEach((boxes, color) => {
    ctx.fillStyle = color;
    for (const box of boxes) {
      fill(box);
    }
    painted += boxes.length;
  });
  if (labels && labelled.length > 0) {
    paintLabelled(ctx, layout, settings, labels, labelled, fill);
  }
  return painted + labelled.length;
}

/**
 * Fills a box on whole device pixels: an anti-aliased edge costs the rasteriser several
 * times a crisp one, and slivers are most of the boxes. Edges are rounded (not widths),
 * so neighbours neither overlap nor part; a box ≥ 1 px stays ≥ 1 device pixel wide.
 */
function snappedFill(ctx: CanvasRenderingContext2D, ratio: number, settings: PaintSettings) {
  const pixel = 1 / ratio;
  const snap = (css: number) => Math.round(css * ratio) / ratio;
  const height = settings.cellHeight - pixel;
  return (box: FlameBox) => {
    const left = snap(box.x);
    const width = snap(box.x + box.w) - left;
    // Leave a one-pixel hairline between neighbours when there is room, as the SVG frames' stroke does.
    ctx.fillRect(left, snap(depthTop(box.depth, settings)), width >= 3 ? width - pixel : width, height);
  };
}

function paintLabelled(
  ctx: CanvasRenderingContext2D,
  layout: FlameLayout,
  settings: PaintSettings,
  labels: CanvasLabels,
  ids: number[],
  fill: (box: FlameBox) => void
) {
  const cell = settings.cellHeight;
  ctx.font = labels.font;
  ctx.textBaseline = 'middle';
  for (const id of ids) {
    const box = layout.boxes[id];
    const top = depthTop(box.depth, settings);
    // As the SVG's label CSS and its `fade` class (the path above the focus).
    ctx.globalAlpha = isAboveFocus(layout, id) ? FADED_OPACITY : 1;
    ctx.fillStyle = settings.colorOf(box);
    fill(box);
    const text = labels.labelOf(box);
    if (text) {
      ctx.fillStyle = LABEL_COLOR;
      ctx.fillText(text, box.x + LABEL_PADDING_PX, top + cell / 2);
    }
  }
  ctx.globalAlpha = 1;
}

function canvasContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  try {
    return canvas.getContext('2d');
  } catch {
    // Test DOMs without a canvas.
    return null;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Adds the canvas' boxes to the SVG as rects (under the labelled frames) for an
 * export, so the file shows everything; the returned function takes them out again.
 */
export function addNarrowBoxesTo(svg: SVGSVGElement, layout: FlameLayout, settings: PaintSettings): () => void {
  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', 'embers-narrow');
  for (const box of layout.boxes) {
    if (box.w < 1 || isLabelled(box)) {
      continue;
    }
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('x', String(box.x));
    rect.setAttribute('y', String(depthTop(box.depth, settings)));
    rect.setAttribute('width', String(box.w));
    rect.setAttribute('height', String(settings.cellHeight - 0.5));
    rect.setAttribute('fill', settings.colorOf(box));
    group.appendChild(rect);
  }
  svg.insertBefore(group, svg.firstChild);
  return () => group.remove();
}
