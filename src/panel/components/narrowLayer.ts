import { isLabelled } from '../model/chartTree';
import { FlameBox, FlameLayout } from '../model/layout';

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

/**
 * Paints every box too narrow for a label (the SVG above draws the others) into
 * one canvas of the graph's size, in the same coordinates: no element per frame.
 */
export function paintNarrowBoxes(canvas: HTMLCanvasElement, layout: FlameLayout, settings: PaintSettings): number {
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
  const cell = settings.cellHeight;
  // One fillStyle per colour: parsing a colour string costs more than the rect.
  const byColor = new Map<string, FlameBox[]>();
  for (const box of layout.boxes) {
    if (box.w >= 1 && !isLabelled(box)) {
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
  byColor.forEach((boxes, color) => {
    ctx.fillStyle = color;
    for (const box of boxes) {
      // Leave a hairline between neighbours when there is room, as the SVG frames' stroke does.
      ctx.fillRect(box.x, depthTop(box.depth, settings), box.w >= 3 ? box.w - 0.5 : box.w, cell - 0.5);
    }
    painted += boxes.length;
  });
  return painted;
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
