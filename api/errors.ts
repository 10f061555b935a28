// One error type for the HTTP layer, mapped to a status and a JSON body in one place.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import type { ApiError } from '../contracts/demand.ts';
import { isWarehouseError } from '../warehouse/warehouse.ts';
import type { Logger } from './logger.ts';

export class HttpError extends Error {
  constructor(readonly status: number, readonly error: string, message: string, readonly field?: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (field: string, message: string) => new HttpError(400, 'bad_request', `${field}: ${message}`, field);

/** The first zod issue as a 400 naming the field: `to: must be after from`. */
export function fromZodError(error: ZodError): HttpError {
  const issue = error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : 'query';
  const message = issue.code === 'unrecognized_keys' ? `unknown parameter ${issue.keys.join(', ')}` : issue.message;
  return badRequest(issue.code === 'unrecognized_keys' ? issue.keys[0]! : field, message);
}

export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const e = err instanceof ZodError ? fromZodError(err) : err;
    let body: ApiError;
    let status: number;
    if (e instanceof HttpError) {
      status = e.status;
      body = { error: e.error, message: e.message, ...(e.field ? { field: e.field } : {}) };
    } else if (isWarehouseError(e) && e.retryable) {
      status = 503;
      body = { error: 'warehouse_unavailable', message: 'the warehouse is busy or unreachable; try again shortly' };
      logger.warn('warehouse unavailable', { code: e.code, message: e.message });
    } else if ((e as { type?: string }).type === 'entity.parse.failed') {
      status = 400;
      body = { error: 'bad_request', message: 'body: not valid JSON', field: 'body' };
    } else {
      status = 500;
      body = { error: 'internal', message: 'internal error' };
      logger.error('request failed', { error: (e as Error)?.stack ?? String(e) });
    }
    res.status(status).json(body);
  };
}
