import { locationService } from '@grafana/runtime';
import { useCallback, useEffect, useMemo, useState } from 'react';

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

/**
 * Focus, search and sandwich live in the URL. Focus and sandwich changes push a
 * history entry (browser back undoes a click); search typing replaces it.
 */
export function useFlameUrlState(panelId?: number): [FlameUrlState, (change: Partial<FlameUrlState>) => void] {
  const keys = useMemo(() => urlKeys(panelId), [panelId]);
  const [state, setState] = useState<FlameUrlState>(() => read(keys));

  useEffect(() => {
    const unlisten = locationService.getHistory().listen(() => setState(read(keys)));
    return unlisten;
  }, [keys]);

  const update = useCallback(
    (change: Partial<FlameUrlState>) => {
      setState((current) => ({ ...current, ...change }));
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
      const onlySearch = change.focus === undefined && change.sandwich === undefined;
      locationService.partial(query, onlySearch);
    },
    [keys]
  );

  return [state, update];
}
