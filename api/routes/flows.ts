// Produce flows, for officials and analysts of an area: upstream to the cities (map, Sankey,
// seasonality), downstream to the shops, traceability batches, and parcels against orders.
// Merchants see the deliveries into their own stores in the workspace (restock, sourcing).
import {
  batchesQuery, batchesResponse, batchParams, batchQuery, batchResponse, downstreamQuery, downstreamResponse, parcelsVsOrdersQuery,
  parcelsVsOrdersResponse, seasonalityQuery, seasonalityResponse, upstreamQuery, upstreamResponse,
} from '../../contracts/flows.ts';
import { batch, batches } from '../flows/batches.ts';
import type { FlowDeps } from '../flows/common.ts';
import { downstreamFlows } from '../flows/downstream.ts';
import { parcelsVsOrders } from '../flows/parcels.ts';
import { seasonality, upstreamFlows } from '../flows/upstream.ts';
import { defineRoute, type Access, type AnyRoute } from '../route.ts';

const ROLES = ['official', 'analyst'] as const;
const BY_AREA: Access = { roles: ROLES, scope: { kind: 'area', param: 'area' } };
const TAG = 'flows';

export function flowRoutes(deps: FlowDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/flows/upstream', tag: TAG, cache: 'data',
      summary: 'Produce from the area to the cities: by origin, destination city, category and channel, with the Sankey',
      access: BY_AREA, query: upstreamQuery, response: upstreamResponse, rows: (b) => b.arcs.length,
      handler: ({ db, area, query }) => upstreamFlows(deps, db, area, query),
    }),
    defineRoute({
      method: 'get', path: '/api/flows/seasonality', tag: TAG, cache: 'data',
      summary: 'A product\'s (or category\'s) upstream flows month by month across the years',
      access: BY_AREA, query: seasonalityQuery, response: seasonalityResponse, rows: (b) => b.months.length,
      handler: ({ db, area, query }) => seasonality(deps, db, area, query),
    }),
    defineRoute({
      method: 'get', path: '/api/flows/downstream', tag: TAG, cache: 'data',
      summary: 'Goods to the stations and village shops of the area: by seller and category; restocks per village',
      access: BY_AREA, query: downstreamQuery, response: downstreamResponse, rows: (b) => b.villages.length,
      handler: ({ db, area, query }) => downstreamFlows(deps, db, area, query),
    }),
    defineRoute({
      method: 'get', path: '/api/flows/batches', tag: TAG, cache: 'data',
      summary: 'Traceability batches whose origin is in the area, with their inconsistencies',
      access: BY_AREA, query: batchesQuery, response: batchesResponse, rows: (b) => b.batches.length,
      handler: ({ db, area, query }) => batches(deps, db, area, query),
    }),
    defineRoute({
      method: 'get', path: '/api/flows/batches/:code', tag: TAG, cache: 'data',
      summary: 'One traceability batch: origin, sellers, dates, quantities, weights, destinations, inconsistencies',
      // A batch whose origin is outside `area` (the caller's by default) is answered as unknown.
      access: BY_AREA, params: batchParams, query: batchQuery, response: batchResponse, rows: (b) => b.days.length,
      handler: ({ db, area, params }) => batch(deps, db, params.code, (origin) => origin.startsWith(area)),
    }),
    defineRoute({
      method: 'get', path: '/api/flows/parcels-vs-orders', tag: TAG, cache: 'data',
      summary: 'Parcels collected at the area\'s stations beside its online upstream orders, month by month',
      access: BY_AREA, query: parcelsVsOrdersQuery, response: parcelsVsOrdersResponse, rows: (b) => b.months.length,
      handler: ({ db, area, query }) => parcelsVsOrders(deps, db, area, query),
    }),
  ];
}
