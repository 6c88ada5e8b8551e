/** URL parameters the harness itself reads; every other one is a panel option. */
const RESERVED = new Set(['frame', 'gen', 'wide', 'realistic', 'seed', 'deep', 'width', 'height', 'theme', 'noop']);
/** The panel's own state in the URL (focus, search, sandwich), not options. */
const PANEL_STATE = /^flame[A-Z]/;

/**
 * Panel options from the URL: `?mode=icicle&showTable=true&minWidth=2`. Values that
 * read as JSON (numbers, booleans, objects) are parsed; the rest stay strings. A
 * dotted name sets a nested option: `colors.scheme=diff`.
 */
export function optionsFromUrl(params: URLSearchParams, defaults: Record<string, unknown> = {}) {
  const options: Record<string, unknown> = structuredClone(defaults);
  params.forEach((raw, key) => {
    if (RESERVED.has(key) || PANEL_STATE.test(key)) {
      return;
    }
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a plain string
    }
    const parts = key.split('.');
    let target = options;
    for (const part of parts.slice(0, -1)) {
      target = (target[part] ??= {}) as Record<string, unknown>;
    }
    target[parts[parts.length - 1]] = value;
  });
  return options;
}
