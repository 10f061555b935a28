// The Express app, built from what it needs; no environment, no ports, no consumers here
// (main.ts does those), so tests build it around a real warehouse and call it in-process.
import express from 'express';
import { existsSync } from 'node:fs';
import type { Migration } from '../warehouse/migrate.ts';
import type { Queries } from '../warehouse/queries.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { createErrorHandler, HttpError } from './errors.ts';
import { quietLogger, type Logger } from './logger.ts';
import { demandRoutes } from './routes/demand.ts';
import { healthRoutes, type IngestStatus } from './routes/health.ts';
import { metricsRoutes } from './routes/metrics.ts';

export interface AppOptions {
  warehouse: Warehouse;
  queries: Queries;
  migrations: readonly Migration[];
  ingest?: () => IngestStatus;
  metrics?: () => string; // Prometheus text of this process's ingest; no /metrics without it
  clock?: () => number; // Date.now by default
  logger?: Logger; // quiet by default
  webDir?: string; // built web app to serve at /; none by default
}

export function createApp(options: AppOptions): express.Express {
  const { warehouse, queries, migrations, ingest, metrics, clock = Date.now, logger = quietLogger, webDir } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // flat string parameters; a repeated one arrives as an array and fails its schema
  app.use(healthRoutes({ warehouse, migrations, ingest }));
  if (metrics) app.use(metricsRoutes(metrics));
  app.use(demandRoutes({ warehouse, queries, clock }));
  app.use('/api', (req) => {
    throw new HttpError(404, 'not_found', `no such endpoint: ${req.method} ${req.originalUrl}`);
  });
  // No max-age: the bundle's name is not hashed, so browsers revalidate (ETag) and a deploy shows at once.
  if (webDir && existsSync(webDir)) app.use(express.static(webDir, { index: 'index.html' }));
  app.use(createErrorHandler(logger));
  return app;
}
