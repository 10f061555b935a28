// Every route of the API is declared, not just registered: its method and path, its parameters
// and answer as zod schemas, and who may call it and how it is scoped. `mountRoutes` refuses a
// route without an access rule, checks the caller and the scope before the handler runs, hands
// the handler a warehouse view that goes through the query gate, and writes the audit row. The
// same table generates the OpenAPI description and the authorization matrix test.
import type { Express, Request, Response } from 'express';
import type { z, ZodType } from 'zod';
import { storeId, type Role } from '../contracts/auth.ts';
import type { Params, Warehouse } from '../warehouse/warehouse.ts';
import { createHash } from 'node:crypto';
import { shanghaiDay } from '../contracts/time.ts';
import type { AuditLog } from './audit.ts';
import type { DataVersion } from './data-version.ts';
import type { Principal, Resolution } from './auth/principal.ts';
import type { Directory, StoreInfo } from './directory.ts';
import { badRequest, forbidden, fromZodError, HttpError, notFound, unauthorized } from './errors.ts';
import type { QueryGate } from './query-gate.ts';
import { areaInScope, describeScope, NO_SCOPE, scopeOf, storeInScope, type Scope } from './scope.ts';

/** How a route narrows what its caller sees. */
export type ScopeRule =
  | { kind: 'public'; why: string } // no sign-in needed
  | { kind: 'self' } // the caller's own account, sessions and tokens
  | { kind: 'platform'; why: string } // no business rows: accounts, operations, platform-wide facts
  | { kind: 'area'; param: string } // a query parameter names an area inside the caller's; the caller's home area by default
  | { kind: 'store'; param: string; many?: true } // a path parameter names a store the caller may see (many: several, joined by commas)
  | { kind: 'area-fixed'; area: string }; // the caller's scope must take in this area (a prefecture-wide table)

export interface Access {
  roles: readonly Role[]; // empty only for public routes
  scope: ScopeRule;
  /** Also answers anonymous callers on this host's loopback interface (monitoring agents). */
  loopback?: boolean;
}

export interface RouteContext<P, Q, B> {
  principal: Principal | null; // null only on public and loopback routes
  scope: Scope;
  params: P;
  query: Q;
  body: B;
  /** Area rule: the area asked for, within scope. */
  area: string;
  /** Store rule: the store asked for, within scope (many: the first). */
  store: StoreInfo | undefined;
  /** Store rule: every store asked for, within scope, in the order given. */
  stores: StoreInfo[];
  /** The read-only warehouse, through the query gate; for the caller's data. */
  db: Pick<Warehouse, 'query'>;
  req: Request;
  res: Response;
}

type Out<T> = T extends ZodType ? z.output<T> : undefined;
type In<T> = T extends ZodType ? z.input<T> : never;

export interface RouteDef<P = undefined, Q = undefined, B = undefined, R = undefined> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string; // Express pattern: /api/stores/:id
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response?: R; // the JSON body of a success; absent when the handler answers itself or with 204
  status?: 200 | 201 | 204;
  /** Rows the answer holds, for the audit; 0 when absent. */
  rows?: (body: Out<R>) => number;
  /** 'data': the answer depends only on the warehouse's data, the caller and the URL, so it gets an
   *  ETag keyed to the data's version and an unchanged answer costs a 304 without running the query. */
  cache?: 'data';
  /** 'data': the route changes what the views show (a table the data version covers), so the next
   *  request reads that version again: neither a 304 nor a kept answer outlives the write by the
   *  version's refresh interval. Routes that write only accounts, sessions or saved queries, or
   *  nothing (the workbench's runs), leave it out and cost the next request nothing. */
  writes?: 'data';
  /** false: not audited (health, the OpenAPI description); `body` picks what of a body is recorded;
   *  `attempt` names the fields of a body the checks refused that are recorded as sent (short text
   *  and lists of it only), so a refused attempt says what was tried, never a password. */
  audit?: false | { body?: (body: Out<B>) => unknown; attempt?: readonly string[] };
  handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>>): Promise<In<R> | void> | In<R> | void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any, any>;

export function defineRoute<P extends ZodType | undefined = undefined, Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined, R extends ZodType | undefined = undefined>(def: RouteDef<P, Q, B, R>): AnyRoute {
  return def as AnyRoute;
}

export interface MountDeps {
  dataVersion?: DataVersion;
  directory: Directory;
  reader: Warehouse;
  gate: QueryGate;
  audit: AuditLog;
  clock: () => number;
}

/** Checks a route's declaration; throws naming the route when it is incomplete. */
export function checkRoute(route: AnyRoute): void {
  const name = `${route.method.toUpperCase()} ${route.path}`;
  const access = route.access as Access | undefined;
  if (!access?.scope) throw new Error(`route ${name} declares no access rule`);
  if (access.scope.kind === 'public' && access.roles.length > 0) throw new Error(`route ${name} is public and yet names roles`);
  if (access.scope.kind !== 'public' && access.roles.length === 0) throw new Error(`route ${name} names no role that may call it`);
  if (access.scope.kind === 'area' && !(route.query as { shape?: Record<string, unknown> })?.shape?.[access.scope.param]) {
    throw new Error(`route ${name} scopes by query parameter ${access.scope.param}, which its query schema lacks`);
  }
  if (route.writes && route.method === 'get') throw new Error(`route ${name} is a GET and yet declares that it writes`);
  if (access.scope.kind === 'store' && !route.path.includes(`:${access.scope.param}`)) {
    throw new Error(`route ${name} scopes by path parameter ${access.scope.param}, which its path lacks`);
  }
}

/** What a handler adds to its audit row (the workbench: the SQL text and how the query ended). */
export interface AuditNote { detail: string; outcome: string; rows?: number }

export function noteAudit(res: Response, note: AuditNote): void {
  res.locals.auditNote = note;
}

export function isLoopback(req: Request): boolean {
  const ip = req.ip ?? '';
  if (ip !== '127.0.0.1' && ip !== '::1' && ip !== '::ffff:127.0.0.1') return false;
  // Behind a proxy on this host every request comes from loopback. One that says it was forwarded
  // is local only where Express took the client's address from the proxy's X-Forwarded-For (the
  // proxy is one TRUST_PROXY trusts), and that address is loopback too. Forwarded and X-Real-IP
  // Express does not read: a request carrying them is never taken as local.
  if (req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined) return false;
  if (req.headers['x-forwarded-for'] === undefined) return true;
  const trusted = req.app.get('trust proxy fn') as ((address: string, hop: number) => boolean) | undefined;
  return trusted?.(req.socket.remoteAddress ?? '', 0) === true;
}

export function mountRoutes(app: Express, routes: readonly AnyRoute[], deps: MountDeps): void {
  const { directory, reader, gate, audit, clock } = deps;
  for (const route of routes) {
    checkRoute(route);
    const access = route.access;
    app[route.method](route.path, async (req: Request, res: Response) => {
      const started = clock();
      const resolution = res.locals.auth as Resolution;
      const principal = 'principal' in resolution ? resolution.principal : null;
      let rows = 0;
      if (route.audit !== false) {
        res.on('finish', () => {
          // A sign-in is recorded under the account it signed in (set by the session route).
          const who = (res.locals.signedIn as Pick<Principal, 'login' | 'role' | 'via'> | undefined) ?? principal;
          const note = res.locals.auditNote as AuditNote | undefined;
          audit.record({
            atMs: started, login: who?.login ?? '', role: who?.role ?? '', via: who?.via ?? 'anonymous',
            address: req.ip ?? '', method: route.method.toUpperCase(), route: route.path,
            params: auditParams(req, route), status: res.statusCode, rows: note?.rows ?? rows, durationMs: clock() - started,
            detail: note?.detail, outcome: note?.outcome,
          });
        });
      }

      if (access.scope.kind !== 'public') {
        const local = access.loopback === true && isLoopback(req);
        if ('refused' in resolution && !local) throw unauthorized(resolution.refused);
        if (!principal && !local) throw unauthorized('sign in first');
        if (principal && !access.roles.includes(principal.role) && !local) {
          throw forbidden(`${route.method.toUpperCase()} ${route.path} is for ${access.roles.join(' or ')}; you are signed in as ${principal.role}`, { scope: 'role' });
        }
      }

      const params = parse(route.params, req.params, 'path');
      const query = route.query ? parse(route.query, req.query, 'query') : refuseUndeclared(req.query);
      const body = route.body ? parse(route.body, jsonBody(req), 'body') : refuseBody(req);
      const scope = principal ? await scopeOf(principal, directory) : NO_SCOPE;

      let area = '';
      let store: StoreInfo | undefined;
      if (access.scope.kind === 'area' && principal) {
        const param = access.scope.param;
        area = (query as Record<string, string | undefined>)[param] ?? scope.homeArea ?? '';
        if (!area || !areaInScope(scope, area)) {
          throw forbidden(`${param} ${area || '(none)'} is outside your scope: ${await describeScope(principal, scope, directory)}`, { scope: scope.areas });
        }
        (query as Record<string, string>)[param] = area;
      }
      if (access.scope.kind === 'area-fixed' && principal && !areaInScope(scope, access.scope.area)) {
        throw forbidden(`${route.method.toUpperCase()} ${route.path} is for the whole of ${access.scope.area}; your scope is ${await describeScope(principal, scope, directory)}`, { scope: scope.areas });
      }
      const stores: StoreInfo[] = [];
      if (access.scope.kind === 'store' && principal) {
        const given = (params as Record<string, string>)[access.scope.param]!;
        const ids = access.scope.many ? given.split(',') : [given];
        if (ids.some((id) => !storeId.safeParse(id).success) || new Set(ids).size !== ids.length || ids.length > 50) {
          throw badRequest(access.scope.param, 'must be store ids joined by commas, each once, at most 50');
        }
        for (const id of ids) {
          const found = await directory.store(id);
          // Unknown and not-yours look the same to those who see only part: no probing for store ids.
          if (!found && scope.stores === 'in-areas' && scope.areas.includes('5323')) throw notFound(`no such store ${id}`);
          if (!found || !storeInScope(scope, found)) {
            throw forbidden(`store ${id} is outside your scope: ${await describeScope(principal, scope, directory)}`, { scope: scope.stores === 'in-areas' ? scope.areas : scope.stores });
          }
          stores.push(found);
        }
        store = stores[0];
      }

      if (route.cache === 'data' && deps.dataVersion && principal) {
        // The day is part of the key: defaults such as "the last 12 weeks" move with it. So is the
        // caller's scope, which an administrator may change: the same address answered for the old
        // area or stores must not be revalidated as current (a 304 would show the old county).
        const version = await deps.dataVersion.current();
        const who = `${principal.login}|${principal.role}|${principal.areaCode ?? ''}|${principal.storeIds.join(',')}`;
        const tag = `W/"${createHash('sha256').update(`${version}|${who}|${shanghaiDay(clock())}|${req.originalUrl}`).digest('base64url').slice(0, 32)}"`;
        res.setHeader('ETag', tag);
        res.setHeader('Cache-Control', 'private, no-cache');
        if (String(req.headers['if-none-match'] ?? '').split(/\s*,\s*/).includes(tag)) {
          res.status(304).end();
          return;
        }
      }
      // Everything else is revalidated on every use too, and kept by no shared cache.
      else if (route.method === 'get') res.setHeader('Cache-Control', 'private, no-cache');

      const caller = principal ? `account:${principal.login}` : `address:${req.ip}`;
      const db: Pick<Warehouse, 'query'> = {
        query: <T>(sql: string, p?: Params) => gate.run(caller, () => reader.query<T>(sql, p)),
      };
      let result: unknown;
      try {
        result = await route.handler({ principal, scope, params, query, body, area, store, stores, db, req, res });
      } finally {
        // A write (or one that failed half way) may have changed what the views show.
        if (route.writes === 'data') deps.dataVersion?.changed();
      }
      if (res.headersSent) return;
      rows = route.rows && result !== undefined ? route.rows(result) : 0;
      if (route.status === 204 || result === undefined) res.status(204).end();
      else res.status(route.status ?? res.statusCode).json(result); // a handler may have set the status (health: 503)
    });
  }
}

/** A route that declares no query parameters takes none: one it would ignore is refused, naming
 *  it, as a declared schema refuses an unknown one. */
function refuseUndeclared(query: unknown): undefined {
  const keys = Object.keys((query ?? {}) as object);
  if (keys.length > 0) throw badRequest(keys[0] || '(empty name)', `unknown parameter ${keys.map((k) => k || '(empty name)').join(', ')}`);
  return undefined;
}

/** Whether the request carries a body at all (whatever its type). */
const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** The JSON body of a route that declares one. A body of another type is not parsed (req.body is
 *  left undefined by Express 5): a 415 names it, rather than the schema's "target: required", which
 *  sent a caller looking for a field that was there. */
function jsonBody(req: Request): unknown {
  if (req.body === undefined && hasBody(req)) throw new HttpError(415, 'unsupported_media_type', `body: must be application/json, not ${req.headers['content-type'] ?? 'untyped'}`, 'body');
  return req.body ?? {};
}

/** A route that declares no body takes none: a field it would ignore is refused, naming it (a
 *  chosen password sent to the reset route was dropped and a random one issued). `{}` is no body. */
function refuseBody(req: Request): undefined {
  const b = req.body as unknown;
  if (b !== undefined && b !== null && typeof b === 'object' && !Array.isArray(b)) refuseUndeclared(b);
  else if (b !== undefined || hasBody(req)) throw badRequest('body', 'this request takes no body');
  return undefined;
}

function parse(schema: unknown, value: unknown, where: string): unknown {
  if (!schema) return value;
  const parsed = (schema as ZodType).safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error, where);
  return parsed.data;
}

function auditParams(req: Request, route: AnyRoute): string {
  const recorded: Record<string, unknown> = { ...req.params, ...(req.query as Record<string, unknown>) };
  if (route.audit && route.audit.body && req.body && typeof req.body === 'object') {
    try {
      const parsed = (route.body as ZodType | undefined)?.safeParse(req.body);
      if (parsed?.success) recorded.body = route.audit.body(parsed.data);
      else if (route.audit.attempt) recorded.body = attempted(req.body as Record<string, unknown>, route.audit.attempt);
    } catch {
      // A body that cannot be summarised is left out rather than failing the request.
    }
  }
  return JSON.stringify(recorded).slice(0, 4000);
}

/** The named fields of a refused body as sent, where each is short text or a short list of it: what
 *  was tried, bounded, and nothing of another shape (which the checks refused for its shape). */
function attempted(body: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const short = (v: unknown) => typeof v === 'string' && v.length <= 64;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = body[f];
    if (short(v) || (Array.isArray(v) && v.length <= 50 && v.every(short))) out[f] = v;
  }
  return out;
}

/** The methods the routes take at `path` (a request's path, no query): for a 405 naming them
 *  where a path exists but not for the method asked, instead of "no such endpoint". */
export function allowedMethods(routes: readonly AnyRoute[], path: string): string[] {
  const methods = new Set<string>();
  for (const r of routes) {
    const pattern = new RegExp(`^${r.path.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`);
    if (pattern.test(path)) methods.add(r.method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
