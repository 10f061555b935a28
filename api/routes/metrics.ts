// GET /metrics: Prometheus text, rendered by whoever runs ingest in this process.
import { Router } from 'express';

export function metricsRoutes(render: () => string): Router {
  const router = Router();
  router.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4; charset=utf-8').send(render());
  });
  return router;
}
