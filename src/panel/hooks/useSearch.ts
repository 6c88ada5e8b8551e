import { useEffect, useMemo, useState } from 'react';
import { FlameIndex } from '../model/flameIndex';
import { runRegex } from '../model/regexWorker';
import { makeMatcher, Matcher } from '../model/search';

export interface SearchState {
  match?: Matcher;
  error?: string;
  /** A regex is still being tested against the names. */
  pending: boolean;
}

/**
 * The search's matcher. Plain text matches here (linear in the names); a regex is
 * validated here and run over the profile's distinct names in a worker with a time
 * budget, so no pattern, typed or from a shared link, can block the page.
 */
export function useSearch(index: FlameIndex, term: string, isRegex: boolean): SearchState {
  const checked = useMemo(() => makeMatcher(term, isRegex), [term, isRegex]);
  const names = useMemo(() => (isRegex ? distinctNames(index) : []), [index, isRegex]);
  const [outcome, setOutcome] = useState<{ key: string; names: string[]; state: SearchState }>();
  const key = `${term}\u0000${isRegex}`;

  useEffect(() => {
    if (!isRegex || !checked.match) {
      return;
    }
    const run = runRegex(term, names);
    let live = true;
    run.done.then((result) => {
      if (live) {
        const state = 'error' in result ? { error: result.error, pending: false } : { match: (name: string) => result.matches.has(name), pending: false };
        setOutcome({ key, names, state });
      }
    });
    return () => {
      live = false;
      run.cancel();
    };
  }, [isRegex, checked, term, names, key]);

  if (!isRegex || !checked.match) {
    return { ...checked, pending: false };
  }
  return outcome?.key === key && outcome.names === names ? outcome.state : { pending: true };
}

function distinctNames(index: FlameIndex): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < index.columns.length; i++) {
    seen.add(index.columns.label(i));
  }
  return Array.from(seen);
}
