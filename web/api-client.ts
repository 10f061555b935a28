// The browser's client of the API. Requests and answers are typed from the contracts (types only:
// the validator stays on the server, whose tests check every answer against its schema, so the
// phone does not download it). On a weak signal a request gives up after `timeoutMs` and a GET is
// tried again with growing pauses before the page says it failed. A 401 anywhere means the session
// ended: the app is told, and sends the person to sign in again. An answer the service worker gave
// from its store (offline) says when it was saved, and the app is told that too.
import type { HeatmapQuery, HeatmapResponse } from '../contracts/demand.ts';

export const HEATMAP_PATH = '/api/demand/heatmap';

/** Why a request failed: the API said no (`api`), the network did (`network`), or the body was not JSON (`invalid`). */
export type RequestErrorKind = 'api' | 'network' | 'invalid';

export class ApiRequestError extends Error {
  constructor(
    readonly kind: RequestErrorKind,
    message: string,
    readonly status?: number,
    readonly field?: string,
    readonly code?: string,
    readonly body?: Readonly<Record<string, unknown>>, // the API's whole error body, for fields of one route (a reason)
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
  timeoutMs?: number; // per attempt; 15 s by default
  retries?: number; // further attempts of a GET after a network failure, a timeout or a 502/503/504; 2 by default
  backoffMs?: number; // the first pause between attempts, doubled each time; 1 s by default
  quiet401?: boolean; // a 401 is the caller's to handle (signing in), not a session that ended
}

type Listener<T> = (value: T) => void;
let onUnauthorized: Listener<ApiRequestError> | undefined;
let onSavedAnswer: Listener<{ path: string; savedAt: string }> | undefined;

/** Who to tell when the API answers 401 (the session ended): the app, which shows the sign-in page. */
export function setUnauthorizedHandler(handler: Listener<ApiRequestError> | undefined): void {
  onUnauthorized = handler;
}

/** Who to tell when an answer came from the service worker's store instead of the network. */
export function setSavedAnswerHandler(handler: Listener<{ path: string; savedAt: string }> | undefined): void {
  onSavedAnswer = handler;
}

const RETRY_STATUS = new Set([502, 503, 504]);
const SAVED_DATA = 'cx-data'; // the service worker's store of data answers (web/sw.ts)

/** Forgets the data answers the service worker saved: after a change, or when who is signed in changes. */
export async function forgetSavedAnswers(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(SAVED_DATA).catch(() => false);
}

/** Sends one request; rejects with ApiRequestError, or with the AbortError of `signal`. */
export async function apiRequest<T>(method: string, path: string, options: FetchOptions & { body?: unknown } = {}): Promise<T> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const { timeoutMs = 15_000, backoffMs = 1_000 } = options;
  const retries = method === 'GET' ? options.retries ?? 2 : 0;
  for (let attempt = 0; ; attempt++) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = options.signal ? anySignal(options.signal, timeout.signal) : timeout.signal;
    let res: Response | undefined;
    let failure: ApiRequestError | undefined;
    try {
      res = await doFetch(path, {
        method,
        headers: { accept: 'application/json', ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
        signal,
        credentials: 'same-origin',
      });
    } catch (e) {
      if (options.signal?.aborted) throw e;
      failure = new ApiRequestError('network', timeout.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : (e as Error).message || String(e));
    } finally {
      clearTimeout(timer);
    }
    // The service worker's "offline, nothing saved" (a 503) is tried again like the rest: a signal
    // that comes and goes may be back by the next attempt.
    const retry = res !== undefined && RETRY_STATUS.has(res.status) && attempt < retries;
    if (res && !retry) {
      // A change makes saved answers stale: the next view must ask the network, not the store.
      if (method !== 'GET' && res.ok) await forgetSavedAnswers();
      return answer<T>(res, path, options.quiet401 ?? false);
    }
    if (failure && attempt >= retries) throw failure;
    await pause(backoffMs * 2 ** attempt, options.signal);
  }
}

export const apiGet = <T>(path: string, options?: FetchOptions) => apiRequest<T>('GET', path, options);

async function answer<T>(res: Response, path: string, quiet401: boolean): Promise<T> {
  const savedAt = res.headers.get('x-cx-saved-at');
  if (savedAt) onSavedAnswer?.({ path, savedAt });
  if (res.status === 204) return undefined as T;
  let body: unknown;
  let parsed = true;
  try {
    body = await res.json();
  } catch {
    parsed = false;
  }
  if (!res.ok) {
    const err = body as { error?: unknown; message?: unknown; field?: unknown } | undefined;
    // A proxy's HTML error page has no API body: fall back to the status line.
    const error = parsed && typeof err?.error === 'string' && typeof err.message === 'string'
      ? new ApiRequestError('api', err.message, res.status, typeof err.field === 'string' ? err.field : undefined, err.error, err as Record<string, unknown>)
      : new ApiRequestError('api', `HTTP ${res.status} ${res.statusText}`.trim(), res.status);
    if (res.status === 401 && !quiet401) onUnauthorized?.(error);
    throw error;
  }
  if (!parsed) throw new ApiRequestError('invalid', 'the answer is not JSON', res.status);
  return body as T;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const both = new AbortController();
  for (const s of [a, b]) {
    if (s.aborted) both.abort(s.reason);
    else s.addEventListener('abort', () => both.abort(s.reason), { once: true });
  }
  return both.signal;
}

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

/** Fetches one heatmap. */
export function fetchHeatmap(query: HeatmapQuery, options: FetchOptions = {}): Promise<HeatmapResponse> {
  return apiGet<HeatmapResponse>(heatmapUrl(query), options);
}
