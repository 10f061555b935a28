// Produce flows: requests and answers of /api/flows/*. Upstream: produce from the county's villages
// to the cities (农产品进城); downstream: goods from distributors and the county warehouse to the
// stations and village shops (工业品下乡); traceability batches; parcels beside online orders.
// Browser-safe.
import { z } from 'zod';
import { categoryFilter, queryInt, requestMonth } from './request-params.ts';

const month = requestMonth;
const area = z.string().regex(/^5323(\d{2}|\d{5})?$/, 'must be 5323, a 6-digit county or a 9-digit township code in Chuxiong');
const money = z.number().int().describe('Integer fen (0.01 yuan).');

export const flowTotals = z.object({
  orders: z.number().int().describe('Transactions.'),
  qty: z.number().int().describe('Units.'),
  weightG: z.number().int().describe('Grams.'),
  amountFen: money,
});
export type FlowTotals = z.infer<typeof flowTotals>;

export const cityInfo = z.object({
  code: z.string(), name: z.string(), province: z.string(),
  lon: z.number().nullable(), lat: z.number().nullable().describe('null: a real city code without a position in the reference ("position unknown").'),
});

export const upstreamQuery = z.object({
  area: area.optional().describe('Origin: the prefecture, a county or a township; the caller\'s home area by default.'),
  from: month.optional().describe('First month; 12 months before `to` by default; at most 36 months before it.'),
  to: month.optional().describe('Last month included; the last month with flows by default; not after the current month.'),
  category: categoryFilter.optional(),
  channel: z.enum(['online', 'offline']).optional().describe('online: platform orders; offline: wholesale.'),
  platform: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a platform code').optional(),
}).strict().refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const upstreamResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  originLevel: z.enum(['county', 'township', 'village']).describe('What the arcs start from: the children of `area`.'),
  from: z.string(), to: z.string(),
  totals: flowTotals,
  origins: z.array(z.object({ code: z.string(), name: z.string() }).merge(flowTotals)),
  cities: z.array(cityInfo.merge(flowTotals)).describe('Destinations, largest value first.'),
  arcs: z.array(z.object({ origin: z.string(), city: z.string() }).merge(flowTotals)).describe('Origin x destination city.'),
  categories: z.array(z.object({ category: z.string() }).merge(flowTotals)).describe('Top-level categories.'),
  channels: z.array(z.object({ channel: z.string(), platform: z.string() }).merge(flowTotals)).describe('Online by platform, and wholesale (platform empty).'),
  sankey: z.object({
    nodes: z.array(z.object({ id: z.string(), kind: z.enum(['county', 'category', 'city']), name: z.string() })),
    links: z.array(z.object({ source: z.string(), target: z.string(), amountFen: money, weightG: z.number().int() })),
  }).describe('Origin county -> top-level category -> destination city.'),
});
export type UpstreamResponse = z.infer<typeof upstreamResponse>;

export const seasonalityQuery = z.object({
  area: area.optional(),
  sku: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be a product code').optional(),
  category: categoryFilter.optional(),
}).strict().refine((q) => !(q.sku && q.category), { message: 'give sku or category, not both', path: ['category'] });

export const seasonalityResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  sku: z.string().nullable(), category: z.string().nullable(), name: z.string(),
  months: z.array(z.object({ month: z.string() }).merge(flowTotals).extend({
    yoyPct: z.number().nullable().describe('Weight against the same month a year before, percent; null without a base, and for the month under way.'),
    partial: z.boolean().describe('The month under way: its figures so far, not a whole month to compare.'),
  })).describe('Every month from the first with upstream flows of the area to the last, empty months included.'),
  products: z.array(z.object({ sku: z.string(), name: z.string(), category: z.string() })).describe('Products with upstream flows in the area, to pick from.'),
});
export type SeasonalityResponse = z.infer<typeof seasonalityResponse>;

export const downstreamQuery = z.object({
  area: area.optional(),
  from: month.optional(), to: month.optional(),
  days: queryInt((n) => n.min(1, 'must be 1 to 365').max(365, 'must be 1 to 365')).default(14)
    .describe('A village whose shops received nothing for this many days before the last delivery day is listed.'),
}).strict().refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const downstreamResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  from: z.string(), to: z.string(), asOf: z.string().nullable().describe('The last day with a delivery in the area.'),
  totals: flowTotals,
  bySeller: z.array(z.object({ sellerId: z.string(), name: z.string(), type: z.string() }).merge(flowTotals)),
  byCategory: z.array(z.object({ category: z.string(), toStations: flowTotals, toShops: flowTotals })),
  villages: z.array(z.object({
    code: z.string(), name: z.string(), township: z.string(), shops: z.number().int().describe('Shops and points registered there.'),
    deliveryDays: z.number().int().describe('Days with a delivery to one of its shops in [from, to].'),
    lastDelivery: z.string().nullable(), daysSince: z.number().int().nullable(),
  })).describe('Villages (and townships) with a shop, station or point, least recently restocked first.'),
  notRestocked: z.number().int().describe('Villages whose last delivery is more than `days` days before asOf, or who had none.'),
});
export type DownstreamResponse = z.infer<typeof downstreamResponse>;

export const batchFlag = z.enum(['two_origins', 'over_weight', 'untraced_product']).describe(
  'two_origins: sold from more than one origin area or seller, or as more than one product; over_weight: sold on later days beyond the weight of its first day; untraced_product: a batch code on a product that has no origin in the reference.');

export const batchSummary = z.object({
  code: z.string(),
  products: z.array(z.object({ sku: z.string(), name: z.string(), qty: z.number().int() }))
    .describe('The products sold under the code, by sku, with their units: one, unless the batch is mixed (flagged two_origins).'),
  origins: z.array(z.string()), sellers: z.array(z.string()),
  firstDay: z.string(), lastDay: z.string(),
  firstDayWeightG: z.number().int(),
}).merge(flowTotals).extend({ flags: z.array(batchFlag) });

export const batchParams = z.object({ code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{5,39}$/, 'must be a batch code: 6-40 upper-case letters, digits or -') });

export const batchQuery = z.object({
  area: area.optional().describe('Look only among batches whose origin is in this area; the caller\'s home area by default.'),
}).strict();

export const batchResponse = batchSummary.extend({
  originNames: z.array(z.object({ code: z.string(), name: z.string() })),
  sellerNames: z.array(z.object({ id: z.string(), name: z.string() })),
  destinations: z.array(cityInfo.merge(flowTotals)),
  days: z.array(z.object({ day: z.string() }).merge(flowTotals)),
});
export type BatchResponse = z.infer<typeof batchResponse>;

export const batchesQuery = z.object({
  area: area.optional().describe('Origin area: batches whose origin is in it.'),
  from: month.optional(), to: month.optional(),
  flagged: z.enum(['true', 'false']).optional().describe('true: only batches with a flag.'),
}).strict().refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const batchesResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  from: z.string(), to: z.string(),
  batches: z.array(batchSummary).describe('Newest first, at most 500 (with flagged=true: only flagged ones).'),
  total: z.number().int().describe('Batches of the area and months, all of them (0 when none is listed).'),
  flagged: z.number().int().describe('Of those, batches with a flag.'),
});
export type BatchesResponse = z.infer<typeof batchesResponse>;

export const parcelsVsOrdersQuery = z.object({
  area: area.optional(),
  from: month.optional(), to: month.optional(),
}).strict().refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const parcelsVsOrdersResponse = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  from: z.string(), to: z.string(),
  months: z.array(z.object({
    month: z.string(),
    parcelsOut: z.number().int().describe('Parcels collected (揽收) at the area\'s stations.'),
    onlineOrders: z.number().int().describe('Online upstream orders whose origin (the seller\'s village or township) is in the area.'),
    gap: z.number().int().describe('parcelsOut - onlineOrders.'),
    ratio: z.number().nullable().describe('parcelsOut / onlineOrders; null without orders.'),
    partial: z.boolean().describe('The month under way: its figures so far (stations report parcels later than orders are placed).'),
  })),
});
export type ParcelsVsOrdersResponse = z.infer<typeof parcelsVsOrdersResponse>;
