// One error type for the HTTP layer, mapped to a status and a JSON body in one place. Bodies name
// the field or the reason, never an engine message, a version or a stack trace.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import type { ApiError } from '../contracts/demand.ts';
import { isWarehouseError } from '../warehouse/warehouse.ts';
import { AccountError } from './auth/accounts.ts';
import type { Logger } from './logger.ts';
import { GateFullError } from './query-gate.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly field?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (field: string, message: string) => new HttpError(400, 'bad_request', `${field}: ${message}`, field);
export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string, extra: Record<string, unknown> = {}) => new HttpError(403, 'forbidden', message, undefined, extra);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const tooMany = (message: string, retryAfterS: number) =>
  new HttpError(429, 'too_many_requests', message, undefined, { retryAfterSeconds: retryAfterS }, { 'Retry-After': String(retryAfterS) });

/** The first zod issue as a 400 naming the field: `to: must be after from`. */
export function fromZodError(error: ZodError, where = 'query'): HttpError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    // A parameter may have an empty name (`?=x`): it is named so, not left blank.
    const keys = issue.keys.map((k) => (k === '' ? '(empty name)' : k));
    return badRequest(keys[0]!, `unknown parameter ${keys.join(', ')}`);
  }
  const field = issue.path.length > 0 ? issue.path.join('.') : where;
  return badRequest(field, issue.message);
}

const ACCOUNT_STATUS: Record<AccountError['code'], number> = { duplicate_login: 409, not_found: 404, unknown_area: 400, unknown_store: 400, bad_scope: 400 };

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const e = err instanceof ZodError ? fromZodError(err) : err;
    let body: ApiError & Record<string, unknown>;
    let status: number;
    if (e instanceof HttpError) {
      status = e.status;
      body = { error: e.error, message: e.message, ...(e.field ? { field: e.field } : {}), ...e.extra };
      for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
    } else if (e instanceof AccountError) {
      status = ACCOUNT_STATUS[e.code];
      body = { error: e.code, message: `${e.field}: ${e.message}`, field: e.field };
    } else if (e instanceof GateFullError) {
      status = 503;
      res.setHeader('Retry-After', '5');
      body = { error: 'busy', message: e.message };
    } else if (isWarehouseError(e) && e.retryable) {
      status = 503;
      res.setHeader('Retry-After', '5');
      body = { error: 'warehouse_unavailable', message: 'the warehouse is busy or unreachable; try again shortly' };
      logger.warn('warehouse unavailable', { code: e.code, message: e.message });
    } else if (e?.type === 'entity.parse.failed') {
      status = 400;
      body = { error: 'bad_request', message: 'body: not valid JSON', field: 'body' };
    } else if (e?.type === 'entity.too.large') {
      status = 413;
      body = { error: 'payload_too_large', message: `body: larger than the limit of ${e.limit} bytes`, field: 'body' };
    } else if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
      status = 415;
      body = { error: 'unsupported_media_type', message: `body: ${e.type === 'charset.unsupported' ? `charset ${e.charset}` : `content encoding ${e.encoding}`} is not supported; send UTF-8 JSON`, field: 'body' };
    } else if (e?.type === 'parameters.too.many') {
      status = 413;
      body = { error: 'payload_too_large', message: 'body: more form fields than any request takes', field: 'body' };
    } else if (e instanceof URIError || (e?.status === 400 && /decode param/i.test(String(e?.message)))) {
      // A path segment that is no valid percent-encoding (/api/stores/%).
      status = 400;
      body = { error: 'bad_request', message: 'path: not a valid URL (a % not followed by two hex digits)', field: 'path' };
    } else if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      // Whatever else Express or the body parser refuses.
      status = e.status;
      body = { error: 'bad_request', message: `request refused: ${e.type ?? 'malformed request'}` };
    } else {
      status = 500;
      body = { error: 'internal', message: 'internal error' };
      logger.error('request failed', { error: (e as Error)?.stack ?? String(e) });
    }
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}
