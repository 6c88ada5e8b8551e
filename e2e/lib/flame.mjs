// Reads the flame graph panel's drawn frames from the DOM, so specs can measure what a
// person sees: which bar is widest, where the root is, what colour a function has.

export const PANEL = '[data-testid="embers-flamegraph"]';
export const SVG = '[data-testid="embers-flamegraph-svg"]';
export const TOOLTIP = '[data-testid="embers-flamegraph-tooltip"]';

/** Every drawn frame: { name, x, y, width, height, fill } in page pixels. */
export async function drawnFrames(page) {
  return page.evaluate((svgSelector) => {
    const svg = document.querySelector(svgSelector);
    if (!svg) {
      return [];
    }
    return Array.from(svg.querySelectorAll('g.frame'))
      .filter((g) => getComputedStyle(g).display !== 'none')
      .map((g) => {
        const rect = g.querySelector('rect');
        const box = rect.getBoundingClientRect();
        const label = g.querySelector('foreignObject, text');
        return {
          name: g.getAttribute('name') ?? g.querySelector('title')?.textContent ?? label?.textContent ?? '',
          x: box.x,
          y: box.y,
          width: box.width,
          height: box.height,
          fill: getComputedStyle(rect).fill,
        };
      });
  }, SVG);
}

/** The drawn frames whose name contains `text`, widest first. */
export async function framesNamed(page, text) {
  return (await drawnFrames(page)).filter((f) => f.name.includes(text)).sort((a, b) => b.width - a.width);
}

export async function svgBox(page) {
  return page.locator(SVG).boundingBox();
}

/** rgb(r, g, b) → [r, g, b] */
export function rgb(color) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Waits until no frame moves or resizes for 5 animation frames (transitions done). */
export async function waitForSettled(page) {
  await page.evaluate(
    (svgSelector) =>
      new Promise((resolve) => {
        let last = '';
        let still = 0;
        const started = performance.now();
        const tick = () => {
          const now = Array.from(document.querySelectorAll(`${svgSelector} g.frame rect`))
            .map((r) => {
              const b = r.getBoundingClientRect();
              return `${b.x.toFixed(1)},${b.y.toFixed(1)},${b.width.toFixed(1)}`;
            })
            .join(';');
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 5 || performance.now() - started > 10000) {
            resolve();
          } else {
            requestAnimationFrame(tick);
          }
        };
        requestAnimationFrame(tick);
      }),
    SVG
  );
}
