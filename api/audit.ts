// The audit trail: one row per request to a data or account route. Rows are written in batches
// (every second, or at 500 rows) since ClickHouse prefers few large inserts to many small ones;
// `close` writes what is in hand. A failed write is retried with the next batch, and the buffer
// is bounded: past `maxBuffered` rows the oldest are dropped and the drop is logged, so an
// unreachable warehouse cannot exhaust memory.
import { formatShanghaiTime } from '../contracts/time.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { Logger } from './logger.ts';

export interface AuditEntry {
  atMs: number;
  login: string; // '' when anonymous
  role: string;
  via: string; // session, token, anonymous
  address: string;
  method: string;
  route: string; // the route's pattern, e.g. /api/stores/:id
  params: string; // JSON of path and query parameters, and of the body where the route allows
  status: number;
  rows: number;
  durationMs: number;
  detail?: string; // the SQL text of a workbench query; '' for other routes
  outcome?: string; // how a workbench query ended: ok, truncated, refused: <reason>, failed: <message>, cancelled
}

export interface AuditLog {
  record(entry: AuditEntry): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function createAuditLog(deps: { warehouse: Warehouse; logger: Logger; flushMs?: number; batchRows?: number; maxBuffered?: number }): AuditLog {
  const { warehouse, logger, flushMs = 1_000, batchRows = 500, maxBuffered = 50_000 } = deps;
  let buffer: AuditEntry[] = [];
  let flushing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => void flush(), flushMs);
  timer.unref();

  function flush(): Promise<void> {
    flushing = flushing.then(async () => {
      while (buffer.length > 0) {
        const batch = buffer.slice(0, batchRows);
        try {
          await warehouse.insert('audit_log', batch.map((e) => ({
            at: formatShanghaiTime(e.atMs), at_ms: e.atMs, login: e.login, role: e.role, via: e.via, address: e.address,
            method: e.method, route: e.route, params: e.params, status: e.status, rows: e.rows, duration_ms: e.durationMs,
            detail: e.detail ?? '', outcome: e.outcome ?? '',
          })));
          buffer = buffer.slice(batch.length);
        } catch (e) {
          logger.warn('audit write failed; will retry', { rows: buffer.length, error: (e as Error).message });
          return;
        }
      }
    });
    return flushing;
  }

  return {
    record(entry) {
      buffer.push(entry);
      if (buffer.length > maxBuffered) {
        const dropped = buffer.length - maxBuffered;
        buffer = buffer.slice(dropped);
        logger.error('audit buffer full; oldest rows dropped', { dropped });
      }
      if (buffer.length >= batchRows) void flush();
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
