// The ingest process's own port when it runs apart from the API (`npm run ingest`): GET /healthz
// (200 or 503; `{ ok }` for anyone, the detail for callers on this host's loopback, as the API's)
// and GET /metrics (Prometheus text, loopback only). Nothing else: the data stays behind the API.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { RunningIngest } from './running.ts';

export interface IngestHealthDeps {
  ingest: RunningIngest;
  /** The warehouse's engine and the migrations it lacks; throws while the warehouse is down. */
  warehouse: () => Promise<{ engine: string; missing: string[] }>;
}

const loopback = (req: IncomingMessage) => ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');

export function createIngestHealthServer({ ingest, warehouse }: IngestHealthDeps): Server {
  return createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' || (path !== '/healthz' && path !== '/metrics')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_found', message: 'this process serves /healthz and /metrics only' }));
        return;
      }
      if (path === '/metrics') {
        if (!loopback(req)) res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'forbidden', message: 'metrics: loopback only' }));
        else res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(ingest.metrics());
        return;
      }
      const status = ingest.status();
      let detail: Record<string, unknown>;
      let ok: boolean;
      try {
        const { engine, missing } = await warehouse();
        ok = missing.length === 0 && (status.running || status.done === true);
        detail = { ok, warehouse: { reachable: true, engine }, migrations: { missing }, ingest: status };
      } catch (e) {
        ok = false;
        detail = { ok, warehouse: { reachable: false, error: (e as Error).message }, migrations: null, ingest: status };
      }
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(loopback(req) ? detail : { ok }));
    })();
  });
}
