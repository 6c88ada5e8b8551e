/**
 * What Grafana's Combobox needs from a browser that jsdom lacks: IntersectionObserver
 * (visibility) and a 2D canvas context (it measures option text to size its menu).
 */
export function installJsdomShims() {
  if (!('IntersectionObserver' in window)) {
    Object.defineProperty(window, 'IntersectionObserver', {
      writable: true,
      value: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  }
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    writable: true,
    value: () => ({ font: '', measureText: (text: string) => ({ width: text.length * 7 }) }),
  });
}
