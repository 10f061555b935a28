// GET /healthz: 200 when the warehouse answers, every migration is applied and ingest runs (or
// has done all it was asked: a backfill without a live stream); 503
// otherwise. Anyone gets `{ ok }` (enough for a load balancer); administrators and callers on this
// host's loopback get the detail, which names engine versions and errors.
// GET /metrics: Prometheus text of this process's ingest, for administrators and loopback.
import { health } from '../../contracts/platform.ts';
import { migrationStatus, type Migration } from '../../warehouse/migrate.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { defineRoute, isLoopback, type AnyRoute } from '../route.ts';

export interface IngestStatus {
  running: boolean;
  /** The source did all it was asked and stopped (a backfill without a live stream): healthy. */
  done?: boolean;
  source: string;
  accepted: number;
  rejected: number;
  lastFlushAt: string | null;
}

interface Deps {
  warehouse: Warehouse;
  migrations: readonly Migration[];
  ingest?: () => IngestStatus; // absent when this process serves only the API
  metrics?: () => string; // Prometheus text of this process's ingest; no /metrics without it
}


/**
 * What /healthz reports: the warehouse, the migrations and this process's ingest. Healthy when the
 * warehouse answers, every migration is applied and ingest runs or has done all it was asked.
 * Also the ingest process's own /healthz (ingest/health-server.ts) when it runs apart from the API.
 */
export function healthCheck({ warehouse, migrations, ingest }: Omit<Deps, 'metrics'>) {
  return async function check() {
    let engine: string | null = null;
    let missing: string[] | null = null;
    let warehouseError: string | undefined;
    try {
      engine = await warehouse.ping();
      missing = (await migrationStatus(warehouse, migrations)).missing;
    } catch (e) {
      warehouseError = (e as Error).message;
    }
    const ingestStatus = ingest?.() ?? null;
    return {
      ok: engine !== null && missing !== null && missing.length === 0 && (ingestStatus === null || ingestStatus.running || ingestStatus.done === true),
      warehouse: { reachable: engine !== null, engine, ...(warehouseError ? { error: warehouseError } : {}) },
      migrations: missing === null ? null : { applied: migrations.length - missing.length, missing },
      ingest: ingestStatus,
    };
  };
}

export function healthRoutes({ warehouse, migrations, ingest, metrics }: Deps): AnyRoute[] {
  const check = healthCheck({ warehouse, migrations, ingest });

  const routes = [defineRoute({
    method: 'get', path: '/healthz', tag: 'operations', summary: 'Whether the platform works; the detail for administrators and loopback',
    access: { roles: [], scope: { kind: 'public', why: 'load balancers and monitors; the detail only for administrators and loopback' } },
    response: health, audit: false,
    async handler({ principal, req, res }) {
      const detail = await check();
      res.status(detail.ok ? 200 : 503);
      return principal?.role !== 'admin' && !isLoopback(req) ? { ok: detail.ok } : detail;
    },
  }), defineRoute({
    method: 'get', path: '/api/ops/status', tag: 'operations', summary: 'The detail of /healthz, always 200, for the operations pages',
    access: { roles: ['admin'], scope: { kind: 'platform', why: 'operations' } },
    response: health, audit: false,
    handler: () => check(),
  })];
  if (metrics) {
    routes.push(defineRoute({
      method: 'get', path: '/metrics', tag: 'operations', summary: 'Prometheus text of this process\'s ingest',
      access: { roles: ['admin'], scope: { kind: 'platform', why: 'operations' }, loopback: true },
      audit: false,
      handler({ res }) {
        res.type('text/plain; version=0.0.4; charset=utf-8').send(metrics());
      },
    }));
  }
  return routes;
}
