import { locationService } from '@grafana/runtime';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { afterPaint } from './afterPaint';

type UrlKeys = Record<keyof FlameUrlState, string>;

/**
 * URL keys: a shared link opens the same focus, search and sandwich. Each panel
 * has its own (`flameFocus-3` for panel 3), so two flame graphs on a dashboard
 * don't focus and search together.
 */
export function urlKeys(panelId?: number): UrlKeys {
  const suffix = panelId ? `-${panelId}` : '';
  return {
    focus: `flameFocus${suffix}`,
    search: `flameSearch${suffix}`,
    regex: `flameRegex${suffix}`,
    sandwich: `flameSandwich${suffix}`,
  };
}

export interface FlameUrlState {
  /** The focused stack (see model/focusPath); "" for no focus. */
  focus: string;
  search: string;
  regex: boolean;
  /** Function shown in sandwich view; "" for the normal graph. */
  sandwich: string;
}

function read(keys: UrlKeys): FlameUrlState {
  const query = locationService.getSearchObject();
  const text = (key: string) => {
    // Grafana parses "true" and numbers in the query string into booleans and numbers.
    const value = query[key];
    return value === undefined || value === null || Array.isArray(value) ? '' : String(value);
  };
  return {
    focus: text(keys.focus),
    search: text(keys.search),
    regex: text(keys.regex) === 'true',
    sandwich: text(keys.sandwich),
  };
}

const sameState = (a: FlameUrlState, b: FlameUrlState) =>
  a.focus === b.focus && a.search === b.search && a.regex === b.regex && a.sandwich === b.sandwich;

type PendingWrite = { query: Record<string, string | null>; push: boolean; cancel(): void };

/**
 * Focus, search and sandwich live in the URL. Focus and sandwich changes push a
 * history entry (browser back undoes a click); search typing replaces it. The
 * panel answers from its own state at once and writes the URL after the next
 * paint: in Grafana a location change wakes every subscriber of the page, and a
 * click should not wait for them.
 */
export function useFlameUrlState(panelId?: number): [FlameUrlState, (change: Partial<FlameUrlState>) => void] {
  const keys = useMemo(() => urlKeys(panelId), [panelId]);
  const [state, setState] = useState<FlameUrlState>(() => read(keys));
  const pending = useRef<PendingWrite | null>(null);
  // The state as last set, for the listener and update (both run outside render).
  const latest = useRef(state);

  useEffect(() => {
    // Our own writes land as the state already is: no state update, so nothing renders again.
    const unlisten = locationService.getHistory().listen(() => {
      const next = read(keys);
      if (!sameState(latest.current, next)) {
        latest.current = next;
        setState(next);
      }
    });
    return unlisten;
  }, [keys]);

  const flush = useCallback(() => {
    const write = pending.current;
    pending.current = null;
    if (write) {
      write.cancel();
      locationService.partial(write.query, !write.push);
    }
  }, []);
  // A panel that goes away still leaves its last change in the URL.
  useEffect(() => flush, [flush]);

  const update = useCallback(
    (change: Partial<FlameUrlState>) => {
      const next = { ...latest.current, ...change };
      if (!sameState(latest.current, next)) {
        latest.current = next;
        setState(next);
      }
      const query: Record<string, string | null> = {};
      if (change.focus !== undefined) {
        query[keys.focus] = change.focus || null;
      }
      if (change.search !== undefined) {
        query[keys.search] = change.search || null;
      }
      if (change.regex !== undefined) {
        query[keys.regex] = change.regex ? 'true' : null;
      }
      if (change.sandwich !== undefined) {
        query[keys.sandwich] = change.sandwich || null;
      }
      const push = change.focus !== undefined || change.sandwich !== undefined;
      const earlier = pending.current;
      earlier?.cancel();
      pending.current = {
        query: { ...earlier?.query, ...query },
        push: push || Boolean(earlier?.push),
        cancel: afterPaint(flush),
      };
    },
    [keys, flush]
  );

  return [state, update];
}
