/**
 * Typed calls to the backend's resource routes (profileTypes, labelNames,
 * labelValues). Failures become errors with a message a person can act on.
 */
import { TimeRange } from '@grafana/data';

import { ProfileTypeInfo } from './types';

export type GetResource = (path: string, params: Record<string, string>) => Promise<unknown>;

export interface LabelQuery {
  range?: TimeRange;
  profileTypeId?: string;
  /** Scopes names/values, e.g. `{service_name="checkout"}`; Pyroscope 2 needs the service for fresh data. */
  selector?: string;
}

const HOUR_MS = 60 * 60 * 1000;

export function rangeParams(range?: TimeRange): Record<string, string> {
  const to = range ? range.to.valueOf() : Date.now();
  const from = range ? range.from.valueOf() : to - HOUR_MS;
  return { from: String(from), to: String(to) };
}

/** The message the backend put in `{"error": ...}`, or the best the HTTP layer has. */
export function resourceErrorMessage(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const e = err as {
      data?: { error?: string; message?: string };
      status?: number;
      statusText?: string;
      message?: string;
    };
    const text = e.data?.error || e.data?.message || e.message || e.statusText;
    if (text) {
      return text;
    }
    if (e.status) {
      return `HTTP ${e.status}`;
    }
  }
  return typeof err === 'string' && err ? err : 'unknown error';
}

async function call<T>(get: GetResource, what: string, path: string, params: Record<string, string>): Promise<T> {
  try {
    const result = await get(path, params);
    if (!Array.isArray(result)) {
      throw new Error('the data source answered something that is not a list');
    }
    return result as T;
  } catch (err) {
    throw new Error(`Could not load ${what}: ${resourceErrorMessage(err)}`);
  }
}

function labelParams(q: LabelQuery): Record<string, string> {
  const params = rangeParams(q.range);
  if (q.profileTypeId) {
    params.profileTypeId = q.profileTypeId;
  }
  if (q.selector && q.selector.trim() !== '' && q.selector.trim() !== '{}') {
    params.selector = q.selector;
  }
  return params;
}

export function fetchProfileTypes(get: GetResource, range?: TimeRange): Promise<ProfileTypeInfo[]> {
  return call<ProfileTypeInfo[]>(get, 'profile types', 'profileTypes', rangeParams(range));
}

export function fetchLabelNames(get: GetResource, q: LabelQuery): Promise<string[]> {
  return call<string[]>(get, 'label names', 'labelNames', labelParams(q));
}

export function fetchLabelValues(get: GetResource, label: string, q: LabelQuery): Promise<string[]> {
  return call<string[]>(get, `values of "${label}"`, 'labelValues', { ...labelParams(q), label });
}
