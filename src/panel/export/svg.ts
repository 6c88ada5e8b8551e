import { downloadBlob } from './download';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties that make the saved file look like the panel. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
];

/**
 * A standalone copy of the flame graph's SVG: computed styles inlined (the page's
 * stylesheets don't travel with the file), and HTML labels in `foreignObject`
 * (what d3-flame-graph draws) turned into SVG text, which image viewers and the
 * canvas draw reliably. Labels stay clipped to their frame by a nested `<svg>`.
 */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  replaceForeignObjects(svg, clone);
  const { width, height } = sizeOf(svg);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) {
    clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  }
  const background = backgroundOf(svg);
  if (background) {
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', background);
    clone.insertBefore(rect, clone.firstChild);
  }
  return new XMLSerializer().serializeToString(clone);
}

export function exportSvg(svg: SVGSVGElement, fileName: string): void {
  downloadBlob(new Blob([serializeSvg(svg)], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}

/** Draws the serialised SVG on a canvas (at the screen's pixel ratio) and saves it as PNG. */
export async function exportPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  downloadBlob(await renderPng(svg), fileName);
}

export async function renderPng(svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = sizeOf(svg);
  const scale = Math.max(1, window.devicePixelRatio || 1);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The flame graph could not be drawn as an image.'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg))}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) {
    throw new Error('This browser cannot draw on a canvas, so PNG export is unavailable.');
  }
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png')
  );
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = box.width || Number(svg.getAttribute('width')) || 0;
  const height = box.height || Number(svg.getAttribute('height')) || 0;
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/** The first opaque background behind the svg, so the file is not transparent where the panel isn't. */
function backgroundOf(svg: SVGSVGElement): string | undefined {
  for (let node: Element | null = svg; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) {
      return color;
    }
  }
  return undefined;
}

function inlineStyles(source: Element, target: Element) {
  const sources = [source, ...Array.from(source.querySelectorAll('*'))];
  const targets = [target, ...Array.from(target.querySelectorAll('*'))];
  for (let i = 0; i < sources.length && i < targets.length; i++) {
    if (!(sources[i] instanceof SVGElement)) {
      continue;
    }
    const computed = getComputedStyle(sources[i]);
    const declarations = STYLE_PROPERTIES.map((name) => [name, computed.getPropertyValue(name)])
      .filter(([, value]) => value !== '')
      .map(([name, value]) => `${name}:${value}`);
    const own = targets[i].getAttribute('style');
    targets[i].setAttribute('style', declarations.join(';') + (own ? `;${own}` : ''));
  }
}

function replaceForeignObjects(source: SVGSVGElement, target: SVGSVGElement) {
  const sources = Array.from(source.querySelectorAll('foreignObject'));
  const targets = Array.from(target.querySelectorAll('foreignObject'));
  targets.forEach((foreign, i) => {
    const original = sources[i];
    const text = (original?.textContent ?? '').trim();
    const width = foreign.getAttribute('width') ?? '0';
    const height = Number(foreign.getAttribute('height') ?? 0);
    const box = document.createElementNS(SVG_NS, 'svg');
    box.setAttribute('x', foreign.getAttribute('x') ?? '0');
    box.setAttribute('y', foreign.getAttribute('y') ?? '0');
    box.setAttribute('width', width);
    box.setAttribute('height', String(height));
    box.setAttribute('overflow', 'hidden');
    if (text && foreign.getAttribute('display') !== 'none' && foreign.style.display !== 'none') {
      const inner = original?.firstElementChild ?? original;
      const style = inner ? getComputedStyle(inner) : undefined;
      const label = document.createElementNS(SVG_NS, 'text');
      label.setAttribute('x', String(parseFloat(style?.paddingLeft ?? '') || 4));
      label.setAttribute('y', String(height / 2));
      label.setAttribute('dominant-baseline', 'central');
      label.setAttribute(
        'style',
        [
          `fill:${style?.color || 'black'}`,
          `font-family:${style?.fontFamily || 'sans-serif'}`,
          `font-size:${style?.fontSize || '12px'}`,
        ].join(';')
      );
      label.textContent = text; // names are untrusted: text, never markup
      box.appendChild(label);
    }
    foreign.replaceWith(box);
  });
}
