// Platform facts: health, data freshness, dead letters and the audit trail. Browser-safe.
import { z } from 'zod';
import { queryInt } from './request-params.ts';

export const freshness = z.object({
  streams: z.array(z.object({
    stream: z.enum(['pos', 'distribution', 'parcel']),
    latest: z.string().nullable().describe('Newest event time (Asia/Shanghai wall clock; a day for parcels); null: none yet.'),
    rows: z.number().int(),
  })),
  checkedAt: z.string().describe('ISO time these figures were read.'),
  backfill: z.object({ daysLoaded: z.number().int(), daysTotal: z.number().int() }).nullable()
    .describe('While past data is still loading (a first start\'s backfill): days loaded of those it loads. Figures of earlier weeks and months (a year ago) are not complete until it is null.'),
});
export type Freshness = z.infer<typeof freshness>;

export const limitQuery = (max: number, byDefault: number) => z.object({
  limit: queryInt((n) => n.min(1, 'must be at least 1').max(max, `must be at most ${max}`)).default(byDefault),
});

export const deadLettersResponse = z.object({
  byReason: z.array(z.object({ kind: z.string(), reason: z.string(), n: z.number().int(), latest: z.string() })),
  // No payloads: a refused record is a store's business data; the reason and its detail say what was wrong.
  recent: z.array(z.object({ receivedAt: z.string(), source: z.string(), kind: z.string(), reason: z.string(), detail: z.string(), payloadBytes: z.number().int() })),
});

export const auditQuery = limitQuery(1000, 100).extend({
  login: z.string().max(64).optional().describe('Only this login\'s requests.'),
}).strict();

export const auditResponse = z.object({
  rows: z.array(z.object({
    at: z.string(), login: z.string(), role: z.string(), via: z.string(), address: z.string(), method: z.string(),
    route: z.string(), params: z.string(), status: z.number().int(), rows: z.number().int(), durationMs: z.number().int(),
  })),
});

/** GET /healthz in full (administrators and loopback) and GET /api/ops/status. */
export const health = z.object({
  ok: z.boolean(),
  warehouse: z.object({ reachable: z.boolean(), engine: z.string().nullable(), error: z.string().optional() }).optional(),
  // null while the warehouse does not answer: whether they are applied is not known.
  migrations: z.object({ applied: z.number().int(), missing: z.array(z.string()) }).nullable().optional(),
  ingest: z.object({ running: z.boolean(), done: z.boolean().optional(), source: z.string(), accepted: z.number(), rejected: z.number(), lastFlushAt: z.string().nullable() }).nullable().optional(),
});
export type Health = z.infer<typeof health>;
