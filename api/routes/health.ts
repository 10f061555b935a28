// GET /healthz: 200 when the warehouse answers, every migration is applied and ingest runs;
// 503 with the failing part named otherwise, so a load balancer and a person both can read it.
import { Router } from 'express';
import { migrationStatus, type Migration } from '../../warehouse/migrate.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';

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
}

export function healthRoutes({ warehouse, migrations, ingest }: Deps): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
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
    const ok = engine !== null && missing.length === 0 && (ingestStatus === null || ingestStatus.running);
    res.status(ok ? 200 : 503).json({
      ok,
      warehouse: { reachable: engine !== null, engine, ...(warehouseError ? { error: warehouseError } : {}) },
      migrations: { applied: migrations.length - missing.length, missing },
      ingest: ingestStatus,
    });
  });
  return router;
}
