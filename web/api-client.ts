// The browser's client of the API. Requests are built from the contracts' types; answers are
// checked with the contracts' schemas, so a drift between server and page shows up as a clear
// message instead of a blank chart. A 401 anywhere means the session ended: the app is told, and
// sends the person to sign in again.
import type { ZodType } from 'zod';
import { apiError, heatmapResponse, type HeatmapQuery, type HeatmapResponse } from '../contracts/demand.ts';

export const HEATMAP_PATH = '/api/demand/heatmap';

/** Why a request failed: the API said no (`api`), the network did (`network`), or the body was not what the contract says (`invalid`). */
export type RequestErrorKind = 'api' | 'network' | 'invalid';

export class ApiRequestError extends Error {
  constructor(
    readonly kind: RequestErrorKind,
    message: string,
    readonly status?: number,
    readonly field?: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}
/** The heatmap's own name for it, kept for its callers. */
export { ApiRequestError as HeatmapRequestError };

export interface FetchOptions {
  fetch?: typeof fetch; // globalThis.fetch by default
  signal?: AbortSignal;
}

type Handler = (error: ApiRequestError) => void;
let onUnauthorized: Handler | undefined;

/** Who to tell when the API answers 401 (the session ended): the app, which shows the sign-in page. */
export function setUnauthorizedHandler(handler: Handler | undefined): void {
  onUnauthorized = handler;
}

/** Sends one request and checks the answer against `schema`; rejects with ApiRequestError, or with the AbortError of `signal`. */
export async function apiRequest<T>(method: string, path: string, schema: ZodType<T> | null, options: FetchOptions & { body?: unknown; quiet401?: boolean } = {}): Promise<T> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let res: Response;
  try {
    res = await doFetch(path, {
      method,
      headers: { accept: 'application/json', ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if (options.signal?.aborted) throw e;
    throw new ApiRequestError('network', (e as Error).message || String(e));
  }
  if (res.status === 204) return undefined as T;
  const body = await readJson(res);
  if (!res.ok) {
    const err = apiError.safeParse(body);
    // A proxy's HTML error page has no API body: fall back to the status line.
    const error = err.success
      ? new ApiRequestError('api', err.data.message, res.status, err.data.field, err.data.error)
      : new ApiRequestError('api', `HTTP ${res.status} ${res.statusText}`.trim(), res.status);
    if (res.status === 401 && !options.quiet401) onUnauthorized?.(error);
    throw error;
  }
  if (!schema) return body as T;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiRequestError('invalid', issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid body', res.status);
  }
  return parsed.data;
}

export const apiGet = <T>(path: string, schema: ZodType<T>, options?: FetchOptions) => apiRequest('GET', path, schema, options);

/** `/api/demand/heatmap?area=...`; parameters left undefined or empty are left out, so the API's defaults apply. */
export function heatmapUrl(query: HeatmapQuery): string {
  return withQuery(HEATMAP_PATH, query);
}

/** `path?k=v` with the set, non-empty values of `query`. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Fetches and checks one heatmap. */
export function fetchHeatmap(query: HeatmapQuery, options: FetchOptions = {}): Promise<HeatmapResponse> {
  return apiGet(heatmapUrl(query), heatmapResponse, options);
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}
