// The workbench's requests, typed from contracts/sql.ts (types only: no validator in the browser).
import type {
  HistoryResponse, SavedGetResponse, SavedQueryInput, SavedQuerySummary, SchemaResponse, SqlColumn, SqlRequest, SqlResult,
} from '../../contracts/sql.ts';
import { apiGet, apiRequest, withQuery } from '../api-client.ts';

export interface SampleResponse { table: string; columns: SqlColumn[]; rows: unknown[][] }

export const fetchSchema = (signal?: AbortSignal) => apiGet<SchemaResponse>('/api/sql/schema', { signal });

/** Runs a statement; waits as long as the engine may run it, and a little more for the rows to arrive. */
export const runSql = (body: SqlRequest, timeoutSeconds: number, signal?: AbortSignal) =>
  apiRequest<SqlResult>('POST', '/api/sql', { body, signal, timeoutMs: (timeoutSeconds + 30) * 1000 });

export const cancelSql = (queryId: string) => apiRequest<{ cancelled: boolean }>('POST', '/api/sql/cancel', { body: { queryId } });

export const formatSql = (sql: string, signal?: AbortSignal) => apiRequest<{ sql: string }>('POST', '/api/sql/format', { body: { sql }, signal });

export const fetchSample = (table: string, signal?: AbortSignal) => apiGet<SampleResponse>(withQuery('/api/sql/sample', { table }), { signal, timeoutMs: 60_000 });

export const listSaved = (signal?: AbortSignal) => apiGet<{ queries: SavedQuerySummary[] }>('/api/sql/saved', { signal });

export const getSaved = (id: string, version?: number, signal?: AbortSignal) =>
  apiGet<SavedGetResponse>(withQuery(`/api/sql/saved/${encodeURIComponent(id)}`, { version }), { signal });

export const createSaved = (input: SavedQueryInput) => apiRequest<SavedGetResponse>('POST', '/api/sql/saved', { body: input });

/** A new version of a saved query; 409 when someone saved another version since `baseVersion`. */
export const updateSaved = (id: string, input: SavedQueryInput, baseVersion: number) =>
  apiRequest<SavedGetResponse>('PUT', `/api/sql/saved/${encodeURIComponent(id)}`, { body: { ...input, baseVersion } });

export const deleteSaved = (id: string) => apiRequest<void>('DELETE', `/api/sql/saved/${encodeURIComponent(id)}`);

export const fetchHistory = (signal?: AbortSignal) => apiGet<HistoryResponse>('/api/sql/history', { signal });

/** An id for a run, so it can be cancelled: random, 8-64 letters, digits or -. */
export function newQueryId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID exists only on HTTPS and localhost; a plain-HTTP intranet address has getRandomValues.
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
