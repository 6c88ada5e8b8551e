// Loads a built plugin module (dist/**/module.js) the way Grafana does: the bundle is
// an AMD module whose dependencies are the names of the modules Grafana shares with
// plugins (@grafana/data, react, …), plus "module" for its own URL, from which it
// finds its public path. Only the modules this page registers are shared: a bundle
// that asks for anything else, throws while it evaluates, or never calls define()
// fails to load with a message that says which.
import * as emotionCss from '@emotion/css';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as rxjs from 'rxjs';

/** A CommonJS package as Grafana shares it: its exports object, not a namespace wrapper. */
const commonJs = (ns: object) => (ns as { default?: unknown }).default ?? ns;

/** What the page supplies as the host's shared modules. */
export const SHARED_MODULES: Record<string, unknown> = {
  '@emotion/css': emotionCss,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/ui': grafanaUi,
  react: commonJs(React),
  'react-dom': commonJs(ReactDOM),
  rxjs,
};

type Factory = (...deps: unknown[]) => unknown;
type Define = ((deps: string[], factory: Factory) => void) & { amd: object };

/** The exports of the AMD module at `url` (e.g. { plugin }). */
export function loadAmdModule(url: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let defined = false;
    const scriptErrors: string[] = [];
    const onError = (event: ErrorEvent) => {
      if (event.filename?.endsWith(new URL(url, location.href).pathname)) {
        scriptErrors.push(event.message);
      }
    };
    window.addEventListener('error', onError);
    const win = window as unknown as { define?: Define };
    const define = ((deps: string[], factory: Factory) => {
      defined = true;
      try {
        const args = deps.map((name) => {
          if (name === 'module') {
            return { uri: new URL(url, location.href).href };
          }
          if (!(name in SHARED_MODULES)) {
            throw new Error(`${url} needs "${name}", which is not one of the host's shared modules`);
          }
          return SHARED_MODULES[name];
        });
        resolve(factory(...args) as Record<string, unknown>);
      } catch (err) {
        reject(new Error(`${url} failed while it loaded: ${(err as Error).message}`));
      }
    }) as Define;
    define.amd = {};
    win.define = define;

    const script = document.createElement('script');
    script.src = url;
    script.onload = () => {
      window.removeEventListener('error', onError);
      // The next module may already have installed its own define().
      if (win.define === define) {
        delete win.define;
      }
      if (!defined) {
        const why = scriptErrors.length > 0 ? scriptErrors.join('; ') : 'it never called define()';
        reject(new Error(`${url} is not a loadable AMD module: ${why}`));
      }
    };
    script.onerror = () => {
      window.removeEventListener('error', onError);
      reject(new Error(`could not fetch ${url}`));
    };
    document.head.appendChild(script);
  });
}
