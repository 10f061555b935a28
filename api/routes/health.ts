// GET /healthz: 200 when the warehouse answers, every migration is applied and ingest runs; 503
// otherwise. Anyone gets `{ ok }` (enough for a load balancer); administrators and callers on this
// host's loopback get the detail, which names engine versions and errors.
// GET /metrics: Prometheus text of this process's ingest, for administrators and loopback.
import { z } from 'zod';
import { migrationStatus, type Migration } from '../../warehouse/migrate.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { defineRoute, isLoopback, type AnyRoute } from '../route.ts';

export interface IngestStatus {
  running: boolean;
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

const health = z.object({
  ok: z.boolean(),
  warehouse: z.object({ reachable: z.boolean(), engine: z.string().nullable(), error: z.string().optional() }).optional(),
  migrations: z.object({ applied: z.number().int(), missing: z.array(z.string()) }).optional(),
  ingest: z.object({ running: z.boolean(), source: z.string(), accepted: z.number(), rejected: z.number(), lastFlushAt: z.string().nullable() }).nullable().optional(),
});

export function healthRoutes({ warehouse, migrations, ingest, metrics }: Deps): AnyRoute[] {
  async function check() {
    let engine: string | null = null;
    let missing: string[] = [];
    let warehouseError: string | undefined;
    try {
      engine = await warehouse.ping();
      missing = (await migrationStatus(warehouse, migrations)).missing;
    } catch (e) {
      warehouseError = (e as Error).message;
    }
    const ingestStatus = ingest?.() ?? null;
    return {
      ok: engine !== null && missing.length === 0 && (ingestStatus === null || ingestStatus.running),
      warehouse: { reachable: engine !== null, engine, ...(warehouseError ? { error: warehouseError } : {}) },
      migrations: { applied: migrations.length - missing.length, missing },
      ingest: ingestStatus,
    };
  }

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
