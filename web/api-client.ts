// The browser's client of GET /api/demand/heatmap. The request is built from the same type the API
// parses `req.query` with; the answer is checked with the contract's schemas, so a drift between
// server and page shows up as a clear message instead of a blank chart.
import { apiError, heatmapResponse, type HeatmapQuery, type HeatmapResponse } from '../contracts/demand.ts';

export const HEATMAP_PATH = '/api/demand/heatmap';

/** Why a request failed: the API said no (`api`), the network did (`network`), or the body was not what the contract says (`invalid`). */
export type RequestErrorKind = 'api' | 'network' | 'invalid';

export class HeatmapRequestError extends Error {
  constructor(
    readonly kind: RequestErrorKind,
    message: string,
    readonly status?: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HeatmapRequestError';
  }
}

/** `/api/demand/heatmap?area=...`; parameters left undefined or empty are left out, so the API's defaults apply. */
export function heatmapUrl(query: HeatmapQuery): string {
  const params = new URLSearchParams();
  for (const key of ['area', 'category', 'from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return search ? `${HEATMAP_PATH}?${search}` : HEATMAP_PATH;
}

export interface FetchOptions {
  fetch?: typeof fetch; // globalThis.fetch by default
  signal?: AbortSignal;
}

/** Fetches and checks one heatmap. Rejects with HeatmapRequestError, or with the AbortError of `signal`. */
export async function fetchHeatmap(query: HeatmapQuery, options: FetchOptions = {}): Promise<HeatmapResponse> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let res: Response;
  try {
    res = await doFetch(heatmapUrl(query), { headers: { accept: 'application/json' }, signal: options.signal });
  } catch (e) {
    if (options.signal?.aborted) throw e;
    throw new HeatmapRequestError('network', (e as Error).message || String(e));
  }
  const body = await readJson(res);
  if (!res.ok) {
    const err = apiError.safeParse(body);
    // A proxy's HTML error page has no API body: fall back to the status line.
    if (!err.success) throw new HeatmapRequestError('api', `HTTP ${res.status} ${res.statusText}`.trim(), res.status);
    throw new HeatmapRequestError('api', err.data.message, res.status, err.data.field);
  }
  const parsed = heatmapResponse.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HeatmapRequestError('invalid', issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid body', res.status);
  }
  return parsed.data;
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}
