import { useCallback, useEffect, useRef, useState } from 'react';
import { TimeRange } from '@grafana/data';

import { CompletionContext, getSuggestions, Suggestion } from '../selector';
import { ProfileTypeInfo } from '../types';
import { EditorDataSource } from './editorDataSource';

export interface Loaded<T> {
  value?: T;
  error?: string;
  loading: boolean;
}

/** Loads once per `token` (what the answer depends on); keeps the error text for the editor to show. */
function useLoad<T>(load: (() => Promise<T>) | undefined, token: string): Loaded<T> {
  const [state, setState] = useState<{ token?: string; value?: T; error?: string }>({});
  useEffect(() => {
    if (!load) {
      return;
    }
    let live = true;
    load()
      .then((value) => live && setState({ token, value }))
      .catch((e: Error) => live && setState({ token, error: e.message }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  if (!load) {
    return { loading: false };
  }
  // While a new load runs, the last answer stays (a stale list beats an empty one).
  return { value: state.value, error: state.token === token ? state.error : undefined, loading: state.token !== token };
}

/** Range changes by the minute in Explore; reload only when it moves by a whole minute. */
function rangeKey(range?: TimeRange): string {
  return range ? `${Math.floor(range.from.valueOf() / 60000)}-${Math.floor(range.to.valueOf() / 60000)}` : '';
}

export function useProfileTypes(ds: EditorDataSource, range?: TimeRange): Loaded<ProfileTypeInfo[]> {
  return useLoad(() => ds.getProfileTypes(range), `types|${rangeKey(range)}`);
}

export function useServices(ds: EditorDataSource, profileTypeId: string, range?: TimeRange): Loaded<string[]> {
  const load = profileTypeId ? () => ds.getLabelValues('service_name', { range, profileTypeId }) : undefined;
  return useLoad(load, `services|${profileTypeId}|${rangeKey(range)}`);
}

export function useLabelNames(ds: EditorDataSource, profileTypeId: string, scope: string, range?: TimeRange) {
  const load = profileTypeId ? () => ds.getLabelNames({ range, profileTypeId, selector: scope }) : undefined;
  return useLoad(load, `names|${profileTypeId}|${scope}|${rangeKey(range)}`);
}

/**
 * Suggestions for the selector input, scoped to the profile type, the current
 * service (Pyroscope 2 sees fresh labels only under a service) and the range.
 */
export function useCompletion(ds: EditorDataSource, profileTypeId: string, scope: string, range?: TimeRange) {
  const cache = useRef(new Map<string, Promise<string[]>>());
  const key = `${profileTypeId}|${scope}|${rangeKey(range)}`;
  const rangeRef = useRef(range);
  useEffect(() => {
    rangeRef.current = range;
  });

  useEffect(() => {
    cache.current = new Map();
  }, [key]);

  const cached = useCallback((id: string, load: () => Promise<string[]>) => {
    let entry = cache.current.get(id);
    if (!entry) {
      entry = load().catch((e) => {
        cache.current.delete(id);
        throw e;
      });
      cache.current.set(id, entry);
    }
    return entry;
  }, []);

  return useCallback(
    async (ctx: CompletionContext): Promise<Suggestion[]> => {
      const q = { range: rangeRef.current, profileTypeId, selector: scope };
      const variables = ds.getVariableNames();
      if (ctx.kind === 'labelName') {
        const labelNames = await cached('names', () => ds.getLabelNames(q));
        return getSuggestions(ctx, { labelNames, labelValues: [], variables });
      }
      if (ctx.kind === 'labelValue') {
        // The service's own values must not be narrowed to the current service.
        const valueScope = ctx.labelName === 'service_name' ? { ...q, selector: undefined } : q;
        const labelValues = await cached(`values:${ctx.labelName}`, () => ds.getLabelValues(ctx.labelName, valueScope));
        return getSuggestions(ctx, { labelNames: [], labelValues, variables });
      }
      return getSuggestions(ctx, { labelNames: [], labelValues: [], variables });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ds, profileTypeId, scope, key, cached]
  );
}
