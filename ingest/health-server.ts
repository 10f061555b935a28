// The ingest process's own port when it runs apart from the API (`npm run ingest`): GET /healthz
// (the API's health check, api/routes/health.ts: 200 or 503; `{ ok }` for anyone, the detail for
// callers on this host's loopback) and GET /metrics (Prometheus text, loopback only). Nothing
// else: the data stays behind the API.
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface IngestHealthDeps {
  check: () => Promise<{ ok: boolean }>;
  metrics: () => string;
}

const loopback = (req: IncomingMessage) => ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');

export function createIngestHealthServer({ check, metrics }: IngestHealthDeps): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'GET' || (path !== '/healthz' && path !== '/metrics')) json(404, { error: 'not_found', message: 'this process serves /healthz and /metrics only' });
    else if (path === '/metrics') {
      if (loopback(req)) res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics());
      else json(403, { error: 'forbidden', message: 'metrics: loopback only' });
    } else {
      void check().then((detail) => json(detail.ok ? 200 : 503, loopback(req) ? detail : { ok: detail.ok }));
    }
  });
}
