/**
 * jsdom has no SVG `transform.baseVal`, which d3-interpolate reads when
 * d3-flame-graph moves existing frames. d3-flame-graph only writes
 * `translate(x,y)`, so this parses exactly that into the matrix d3 expects.
 */
export function installSvgTransformPolyfill() {
  const proto = SVGElement.prototype as unknown as Record<string, unknown>;
  if ('transform' in proto) {
    return;
  }
  Object.defineProperty(proto, 'transform', {
    configurable: true,
    get(this: SVGElement) {
      const text = this.getAttribute('transform') ?? '';
      const match = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/.exec(text);
      return {
        baseVal: {
          consolidate: () =>
            match ? { matrix: { a: 1, b: 0, c: 0, d: 1, e: Number(match[1]), f: Number(match[2]) } } : null,
        },
      };
    },
  });
}
