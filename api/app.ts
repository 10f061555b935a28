// The Express app, built from what it needs; no environment, no ports, no consumers here
// (main.ts does those), so tests build it around a real warehouse and call it in-process.
// Order of the layers: security headers, rate limit per address, body limit, who is asking,
// same-origin check for changes, rate limit per account, the declared routes, the web app.
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import { constants as zlib } from 'node:zlib';
import type { Migration } from '../warehouse/migrate.ts';
import type { Queries } from '../warehouse/queries.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { createAuditLog, type AuditLog } from './audit.ts';
import { createAuthServices, DEFAULT_SESSION_TTL_MS, type AuthOptions, type AuthServices } from './auth/services.ts';
import { createDataVersion } from './data-version.ts';
import { createVersionedMemo } from './versioned-memo.ts';
import { createErrorHandler, forbidden, HttpError, tooMany } from './errors.ts';
import { quietLogger, type Logger } from './logger.ts';
import { openApiDocument } from './openapi.ts';
import { createQueryGate } from './query-gate.ts';
import { createRateLimiter } from './rate-limit.ts';
import { allowedMethods, defineRoute, mountRoutes, type AnyRoute } from './route.ts';
import { accountRoutes } from './routes/account.ts';
import { accountsRoutes } from './routes/accounts.ts';
import { demandRoutes } from './routes/demand.ts';
import { healthRoutes, type IngestStatus } from './routes/health.ts';
import { officialRoutes } from './routes/officials.ts';
import { platformRoutes } from './routes/platform.ts';
import { sessionRoutes } from './routes/session.ts';
import { storeRoutes } from './routes/stores.ts';
import { sqlRoutes } from './routes/sql.ts';
import { workspaceRoutes } from './routes/workspace.ts';
import { flowRoutes } from './routes/flows.ts';
import { securityHeaders } from './security-headers.ts';
import { createSavedQueries } from './sql/saved-queries.ts';
import { createWorkbench, type Workbench } from './sql/workbench.ts';
import { DEFAULT_SQL_LIMITS, type SqlLimits } from '../warehouse/sql-engine.ts';
import { mountWebApp } from './web-app.ts';

export interface AppLimits {
  queryConcurrency: number; // data queries running at once; 2 by default
  queryPerCaller: number; // of which one caller may hold; 2 by default
  queryQueue: number; // waiting data queries before new ones get 503; 100 by default
  queryTimeoutSeconds: number; // the engine stops a data query after this; 15 by default
  queryMemoryBytes: number; // and when it needs more than this; 2 GiB by default
  perAddressPerMinute: number; // API requests from one address; 1,200 by default (a township office shares one)
  perAccountPerMinute: number; // API requests of one account; 600 by default
  bodyBytes: number; // largest request body; 64 KiB by default
  dataVersionMs: number; // how often the data's version (ETags, kept answers) is read again; 1 s by default; a write through the API reads it at once
}

/** Largest workbench request body: a statement of 100,000 characters of Chinese and its parameters. */
const SQL_BODY_BYTES = 512 * 1024;

export const DEFAULT_LIMITS: AppLimits = {
  queryConcurrency: 2, queryPerCaller: 2, queryQueue: 100, queryTimeoutSeconds: 15, queryMemoryBytes: 2 * 1024 ** 3,
  perAddressPerMinute: 1_200, perAccountPerMinute: 600, bodyBytes: 64 * 1024, dataVersionMs: 1_000,
};

export interface AppOptions {
  warehouse: Warehouse; // accounts, sessions, audit; health
  reader?: Warehouse; // read-only and limited, for users' data; warehouse.reader(limits) by default
  queries: Queries;
  migrations: readonly Migration[];
  auth: AuthOptions;
  services?: AuthServices; // built from `auth` by default
  limits?: Partial<AppLimits>;
  trustProxy?: boolean | number | string; // Express's `trust proxy`: set it behind a reverse proxy; false by default
  ingest?: () => IngestStatus;
  metrics?: () => string; // Prometheus text of this process's ingest; no /metrics without it
  /** This process's backfill, while one runs (days loaded of those it loads): the pages say their
   *  earlier weeks and months are not complete yet. Absent where the ingest runs elsewhere. */
  backfill?: () => { done: number; total: number } | null;
  audit?: AuditLog; // made here by default
  clock?: () => number; // Date.now by default
  logger?: Logger; // quiet by default
  webDir?: string; // built web app to serve at /; none by default
  version?: string; // of the platform, in the OpenAPI description
  sleep?: (ms: number) => Promise<void>; // how sign-ins are slowed; setTimeout by default
  sqlLimits?: Partial<SqlLimits>; // the SQL workbench's; DEFAULT_SQL_LIMITS by default
  workbench?: Workbench | null; // made on warehouse.sqlEngine(sqlLimits) by default; null: none on this deployment
}

export interface AppLocals {
  routes: readonly AnyRoute[];
  services: AuthServices;
  audit: AuditLog;
  /** Writes the audit rows in hand and closes what the app opened (not the warehouse). */
  close(): Promise<void>;
}

export function createApp(options: AppOptions): express.Express {
  const { warehouse, queries, migrations, ingest, metrics, clock = Date.now, logger = quietLogger, webDir } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ownReader = options.reader === undefined;
  const reader = options.reader ?? warehouse.reader({ maxExecutionSeconds: limits.queryTimeoutSeconds, maxMemoryBytes: limits.queryMemoryBytes, sessions: limits.queryConcurrency });
  const services = options.services ?? createAuthServices({ warehouse, queries, clock, options: options.auth });
  const { directory, accounts, sessions, tokens, throttle, authenticator } = services;
  const audit = options.audit ?? createAuditLog({ warehouse, logger });
  const gate = createQueryGate({ concurrency: limits.queryConcurrency, perCaller: limits.queryPerCaller, maxQueued: limits.queryQueue });
  const byAddress = createRateLimiter({ perMinute: limits.perAddressPerMinute, burst: Math.max(20, limits.perAddressPerMinute / 6), clock });
  const byAccount = createRateLimiter({ perMinute: limits.perAccountPerMinute, burst: Math.max(20, limits.perAccountPerMinute / 6), clock });
  const auth = { ...options.auth, sessionTtlMs: options.auth.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS };
  const ownWorkbench = options.workbench === undefined;
  const workbench = options.workbench === undefined ? openWorkbench(warehouse, { ...DEFAULT_SQL_LIMITS, ...options.sqlLimits }, clock, logger) : options.workbench;
  const saved = createSavedQueries({ warehouse, queries, clock });
  const dataVersion = createDataVersion({ reader, queries, clock, ttlMs: limits.dataVersionMs });
  const memo = createVersionedMemo(() => dataVersion.current());

  const routes: AnyRoute[] = [
    ...healthRoutes({ warehouse, migrations, ingest, metrics }),
    ...sessionRoutes({ accounts, sessions, throttle, directory, secret: auth.secret, sessionTtlMs: auth.sessionTtlMs, demo: auth.demo ?? false, clock, sleep: options.sleep }),
    ...accountRoutes({ accounts, sessions, tokens, directory, secret: auth.secret, sessionTtlMs: auth.sessionTtlMs }),
    ...accountsRoutes({ accounts, directory, clock }),
    ...platformRoutes({ queries, clock, backfill: options.backfill }),
    ...demandRoutes({ queries, directory, clock }),
    ...storeRoutes({ queries, directory, clock, memo }),
    ...officialRoutes({ warehouse, queries, directory, clock, memo, accountName: async (login) => (await accounts.get(login))?.name ?? null }),
    ...sqlRoutes({ workbench, saved, warehouse, queries, clock }),
    ...workspaceRoutes({ warehouse: reader, queries, directory, clock, memo }),
    ...flowRoutes({ queries, directory, clock, memo }),
  ];
  routes.push(defineRoute({
    method: 'get', path: '/api/openapi.json', tag: 'platform', summary: 'This description',
    access: { roles: [], scope: { kind: 'public', why: 'the API\'s own description' } }, audit: false,
    handler: ({ res }) => { res.json(document); },
  }));
  const document = openApiDocument(routes, { title: 'Chuxiong rural consumption data platform API', version: options.version ?? '0.1.0' });

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // flat string parameters; a repeated one arrives as an array and fails its schema
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(securityHeaders());

  const limited = (limiter: ReturnType<typeof createRateLimiter>, key: (req: express.Request, res: express.Response) => string | null, what: string): RequestHandler =>
    (req, res, next) => {
      const k = key(req, res);
      const verdict = k === null ? { ok: true as const } : limiter.take(k);
      if (!verdict.ok) return next(tooMany(`too many requests ${what}; try again in ${verdict.retryAfterS} s`, verdict.retryAfterS));
      next();
    };
  const API = ['/api', '/healthz', '/metrics'];
  app.use(API, limited(byAddress, (req) => req.ip ?? '', 'from your address'));
  // Answers over 1 KB compressed; brotli at a quality that costs little CPU per request. The
  // workbench's answers run to megabytes for an analyst on an office line, not a phone: there the
  // fastest settings (brotli 1, gzip 1) keep most of the size win at a third of the time.
  const compact = compression({ threshold: 1024, brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } } });
  const fast = compression({ threshold: 1024, level: 1, brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } } });
  app.use(API, (req, res, next) => (req.originalUrl.startsWith('/api/sql') ? fast : compact)(req, res, next));
  // A workbench statement may be longer than other bodies; an export may come from an HTML form
  // (a download the browser saves), and only an export: a form elsewhere is refused as not JSON.
  app.use('/api/sql', express.json({ limit: SQL_BODY_BYTES }));
  app.use('/api/sql/export', express.urlencoded({ extended: false, limit: SQL_BODY_BYTES, parameterLimit: 10 }));
  app.use('/api', express.json({ limit: limits.bodyBytes }));
  app.use(API, (req, res, next) => {
    authenticator.resolve(req).then((r) => { res.locals.auth = r; next(); }, next);
  });
  // Cookies ride along on cross-site requests that SameSite=Lax lets through; a change must come
  // from a page of this origin. Browsers send Origin with every POST, PUT, PATCH and DELETE.
  app.use('/api', (req, _res, next) => {
    const origin = req.headers.origin;
    if (req.method !== 'GET' && req.method !== 'HEAD' && origin !== undefined && !sameOrigin(origin, req.headers.host)) {
      return next(forbidden(`cross-site request refused: origin ${origin} is not this site`));
    }
    next();
  });
  app.use(API, limited(byAccount, (_req, res) => {
    const r = res.locals.auth as { principal?: { login: string } };
    return r.principal ? r.principal.login : null;
  }, 'for your account'));

  mountRoutes(app, routes, { directory, reader, gate, audit, clock, dataVersion });
  app.use('/api', (req) => {
    const path = req.originalUrl.split('?')[0]!;
    const allowed = allowedMethods(routes, path);
    if (allowed.length > 0) {
      throw new HttpError(405, 'method_not_allowed', `${req.method} is not taken at ${path}; it takes ${allowed.join(', ')}`, undefined, {}, { Allow: allowed.join(', ') });
    }
    throw new HttpError(404, 'not_found', `no such endpoint: ${req.method} ${path}`);
  });
  if (webDir) mountWebApp(app, webDir);
  app.use(createErrorHandler(logger));

  const locals: AppLocals = {
    routes, services, audit,
    async close() {
      dataVersion.close();
      await audit.close();
      if (ownReader) await reader.close();
      if (ownWorkbench && workbench) await workbench.close();
    },
  };
  Object.assign(app.locals, locals);
  return app;
}

/** The workbench on this warehouse, or none (a server without its read-only user): its routes then answer 503. */
function openWorkbench(warehouse: Warehouse, limits: SqlLimits, clock: () => number, logger: Logger): Workbench | null {
  try {
    return createWorkbench({ engine: warehouse.sqlEngine(limits), limits, clock });
  } catch (e) {
    logger.warn('SQL workbench off', { reason: (e as Error).message });
    return null;
  }
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
