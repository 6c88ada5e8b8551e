import { locationService } from '@grafana/runtime';
import { useCallback, useEffect, useState } from 'react';

/** URL keys: a shared link opens the same focus, search and sandwich. */
export const URL_KEYS = {
  focus: 'flameFocus',
  search: 'flameSearch',
  regex: 'flameRegex',
  sandwich: 'flameSandwich',
} as const;

export interface FlameUrlState {
  /** Names from the root down to the focused frame, ";"-separated; "" for no focus. */
  focus: string;
  search: string;
  regex: boolean;
  /** Function shown in sandwich view; "" for the normal graph. */
  sandwich: string;
}

function read(): FlameUrlState {
  const query = locationService.getSearchObject();
  const text = (key: string) => {
    // Grafana parses "true" and numbers in the query string into booleans and numbers.
    const value = query[key];
    return value === undefined || value === null || Array.isArray(value) ? '' : String(value);
  };
  return {
    focus: text(URL_KEYS.focus),
    search: text(URL_KEYS.search),
    regex: text(URL_KEYS.regex) === 'true',
    sandwich: text(URL_KEYS.sandwich),
  };
}

/**
 * Focus, search and sandwich live in the URL. Focus and sandwich changes push a
 * history entry (browser back undoes a click); search typing replaces it.
 */
export function useFlameUrlState(): [FlameUrlState, (change: Partial<FlameUrlState>) => void] {
  const [state, setState] = useState<FlameUrlState>(read);

  useEffect(() => {
    const unlisten = locationService.getHistory().listen(() => setState(read()));
    return unlisten;
  }, []);

  const update = useCallback((change: Partial<FlameUrlState>) => {
    setState((current) => ({ ...current, ...change }));
    const query: Record<string, string | null> = {};
    if (change.focus !== undefined) {
      query[URL_KEYS.focus] = change.focus || null;
    }
    if (change.search !== undefined) {
      query[URL_KEYS.search] = change.search || null;
    }
    if (change.regex !== undefined) {
      query[URL_KEYS.regex] = change.regex ? 'true' : null;
    }
    if (change.sandwich !== undefined) {
      query[URL_KEYS.sandwich] = change.sandwich || null;
    }
    const onlySearch = change.focus === undefined && change.sandwich === undefined;
    locationService.partial(query, onlySearch);
  }, []);

  return [state, update];
}
