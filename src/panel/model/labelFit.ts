/**
 * Labels keep the end of a function name, where the function is: a name too long
 * for its frame loses whole package segments from the left behind an ellipsis
 * (`…client.(*Fetcher).FetchChunks`, then `…FetchChunks`), and only when even the
 * last segment does not fit, the characters before its end.
 */
export const ELLIPSIS = '…';

/** Where a segment starts: after `/`, `.` or `::`, never inside brackets (Go generics, receivers' parameters). */
export function segmentStarts(name: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  for (let i = 0; i < name.length - 1; i++) {
    const c = name[i];
    if (c === '(' || c === '[' || c === '<' || c === '{') {
      depth++;
    } else if (c === ')' || c === ']' || c === '>' || c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && (c === '/' || c === '.' || (c === ':' && name[i + 1] !== ':'))) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** `name` in at most `maxChars` characters, the end kept. */
export function fitLabel(name: string, maxChars: number): string {
  if (name.length <= maxChars) {
    return name;
  }
  if (maxChars < 2) {
    return maxChars === 1 ? ELLIPSIS : '';
  }
  // Starts go left to right, so the first that fits keeps the most of the name.
  for (const start of segmentStarts(name)) {
    if (name.length - start + 1 <= maxChars) {
      return ELLIPSIS + name.slice(start);
    }
  }
  return ELLIPSIS + name.slice(name.length - (maxChars - 1));
}

/** Room a frame's label loses: d3-flame-graph's 4 px margins and the view's 4 px padding, on each side. */
export const LABEL_PADDING_PX = 16;

/** Characters of a monospace font that fit in a frame `widthPx` wide. */
export function charsThatFit(widthPx: number, charPx: number): number {
  return charPx > 0 ? Math.max(0, Math.floor((widthPx - LABEL_PADDING_PX) / charPx)) : Number.MAX_SAFE_INTEGER;
}

/** A monospace character's advance per pixel of font size: Roboto Mono, DejaVu Sans Mono, Menlo, Courier. */
export const MONOSPACE_RATIO = 0.6;

const charWidths = new Map<string, number>();

/** The measured width of one character of a monospace `font` (CSS shorthand), once measured. */
export function measuredCharPx(font: string): number | undefined {
  return charWidths.get(font);
}

/** Width of one character of a monospace `font` (CSS shorthand); a usual ratio where nothing can measure. */
export function monospaceCharPx(font: string, fontSizePx: number): number {
  let width = charWidths.get(font);
  if (width === undefined) {
    width = measure(font) ?? fontSizePx * MONOSPACE_RATIO;
    charWidths.set(font, width);
  }
  return width;
}

function measure(font: string): number | undefined {
  if (typeof document === 'undefined') {
    return undefined;
  }
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = document.createElement('canvas').getContext('2d');
  } catch {
    // Test DOMs without a canvas.
  }
  if (!ctx) {
    return undefined;
  }
  ctx.font = font;
  const sample = 'FetchChunks/(*x)';
  return ctx.measureText(sample).width / sample.length || undefined;
}
