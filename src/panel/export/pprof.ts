import { DataFrame } from '@grafana/data';
import { FetchError, getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import { downloadBlob } from './download';

/** What Embers' backend puts in a flame graph frame's `meta.custom.pprof` (pkg/plugin/resource_pprof.go). */
export interface PprofSource {
  datasourceUid: string;
  profileTypeId: string;
  labelSelector: string;
  /** Unix ms. */
  from: number;
  to: number;
}

/** The pprof source of a frame from Embers, or undefined for any other data source's frame. */
export function pprofSourceOf(frame: DataFrame): PprofSource | undefined {
  const p = frame.meta?.custom?.pprof as Partial<PprofSource> | undefined;
  if (
    typeof p?.datasourceUid === 'string' &&
    p.datasourceUid !== '' &&
    typeof p.profileTypeId === 'string' &&
    typeof p.labelSelector === 'string' &&
    Number.isFinite(p.from) &&
    Number.isFinite(p.to)
  ) {
    return p as PprofSource;
  }
  return undefined;
}

/** The file name the backend chose (Content-Disposition), else the fallback. */
export function fileNameFrom(disposition: string | null | undefined, fallback: string): string {
  const name = /filename="([^"/\\]+)"/.exec(disposition ?? '')?.[1];
  return name ?? fallback;
}

/** Asks the backend for the merged profile as pprof and saves it. */
export async function exportPprof(source: PprofSource, fallbackName: string): Promise<void> {
  try {
    const res = await lastValueFrom(
      getBackendSrv().fetch<Blob>({
        url: `/api/datasources/uid/${encodeURIComponent(source.datasourceUid)}/resources/pprof`,
        params: {
          profileTypeId: source.profileTypeId,
          selector: source.labelSelector,
          from: String(source.from),
          to: String(source.to),
        },
        responseType: 'blob',
        showErrorAlert: false,
      })
    );
    downloadBlob(res.data, fileNameFrom(res.headers.get('content-disposition'), fallbackName));
  } catch (err) {
    throw new Error(`The pprof file could not be made: ${await reasonOf(err)}`);
  }
}

/** The backend's own message ({"error": "..."}), which arrives as a blob here. */
async function reasonOf(err: unknown): Promise<string> {
  const data = (err as FetchError)?.data as unknown;
  let body: unknown = data;
  if (typeof Blob !== 'undefined' && data instanceof Blob) {
    try {
      body = JSON.parse(await blobText(data));
    } catch {
      body = undefined;
    }
  }
  const message = (body as { error?: unknown; message?: unknown } | undefined)?.error;
  if (typeof message === 'string' && message !== '') {
    return message;
  }
  const status = (err as FetchError)?.status;
  return status ? `the data source answered ${status}` : err instanceof Error ? err.message : String(err);
}

/** Blob.text(), or FileReader where a browser (or jsdom) lacks it. */
function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') {
    return blob.text();
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
