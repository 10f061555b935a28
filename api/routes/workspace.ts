// The merchants' workspace: one store's (or several stores') week, the demand around it, what sells
// nearby that it does not stock, price bands, peer benchmark, restock signals and sourcing. Each
// route takes `:stores`, every one of which must be in the caller's scope; the area figures follow
// the k-anonymity rule of contracts/workspace.ts for every caller, officials included, since the
// workspace is the merchant's view of the world.
import {
  demandQuery, demandResponse, gapsQuery, gapsResponse, peersQuery, peersResponse, pricesQuery, pricesResponse,
  restockQuery, restockResponse, sourcingQuery, sourcingResponse, summaryQuery, summaryResponse, workspaceParams,
} from '../../contracts/workspace.ts';
import { shanghaiDay } from '../../contracts/time.ts';
import type { Queries } from '../../warehouse/queries.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { Directory } from '../directory.ts';
import { defineRoute, type Access, type AnyRoute } from '../route.ts';
import type { VersionedMemo } from '../versioned-memo.ts';
import { createProductNames, type WorkspaceDeps } from '../workspace/common.ts';
import { demandAround } from '../workspace/demand.ts';
import { notStocked } from '../workspace/gaps.ts';
import { peerBenchmark } from '../workspace/peers.ts';
import { priceBands } from '../workspace/prices.ts';
import { restockSignals } from '../workspace/restock.ts';
import { sourcing } from '../workspace/sourcing.ts';
import { storeSummary } from '../workspace/summary.ts';

const ACCESS: Access = { roles: ['merchant', 'official', 'analyst'], scope: { kind: 'store', param: 'stores', many: true } };
const TAG = 'workspace';

export function workspaceRoutes(deps: { warehouse: Pick<Warehouse, 'query'>; queries: Queries; directory: Directory; clock: () => number; memo: VersionedMemo }): AnyRoute[] {
  const { queries, directory, clock, memo } = deps;
  const ws: WorkspaceDeps = { queries, directory, memo, products: createProductNames({ warehouse: deps.warehouse, queries, clock }) };
  const today = () => shanghaiDay(clock());

  return [
    defineRoute({
      method: 'get', path: '/api/workspace/:stores/summary', tag: TAG, cache: 'data',
      summary: 'My store: the week against last week and the same week last year, categories, products, fast and slow movers, payment mix',
      access: ACCESS, params: workspaceParams, query: summaryQuery, response: summaryResponse, rows: (b) => b.skus.length,
      handler: ({ db, stores, query }) => storeSummary(ws, db, stores, query, today()),
    }),
    defineRoute({
      method: 'get', path: '/api/workspace/:stores/demand', tag: TAG, cache: 'data',
      summary: 'Demand around my store: area x week, category x week or weekday x hour, of shop sales, deliveries or parcels',
      access: ACCESS, params: workspaceParams, query: demandQuery, response: demandResponse, rows: (b) => b.cells.length,
      handler: ({ db, stores, query, principal }) => demandAround(ws, db, stores, query, today(), principal?.storeIds),
    }),
    defineRoute({
      method: 'get', path: '/api/workspace/:stores/gaps', tag: TAG, cache: 'data',
      summary: 'What sells nearby that my store does not stock (the last two 4-week periods)',
      access: ACCESS, params: workspaceParams, query: gapsQuery, response: gapsResponse, rows: (b) => b.skus.length + b.categories.length,
      handler: ({ db, stores, query, principal }) => notStocked(ws, db, stores, query, today(), principal?.storeIds),
    }),
    defineRoute({
      method: 'get', path: '/api/workspace/:stores/prices', tag: TAG, cache: 'data',
      summary: 'Price bands of a product or category in my area, and where my price sits',
      access: ACCESS, params: workspaceParams, query: pricesQuery, response: pricesResponse, rows: (b) => b.bands.length,
      handler: ({ db, stores, query, principal }) => priceBands(ws, db, stores, query, today(), principal?.storeIds),
    }),
    defineRoute({
      method: 'get', path: '/api/workspace/:stores/peers', tag: TAG, cache: 'data',
      summary: 'My store against stores of the same type and tier in its township and county (quartiles, from 5 peers)',
      access: ACCESS, params: workspaceParams, query: peersQuery, response: peersResponse, rows: (b) => b.stores.length,
      handler: ({ db, stores, query }) => peerBenchmark(ws, db, stores, query, today()),
    }),
    defineRoute({
      method: 'get', path: '/api/workspace/:stores/restock', tag: TAG, cache: 'data',
      summary: 'Days of cover of each product delivered to my store, with coming festivals; what runs out within N days',
      access: ACCESS, params: workspaceParams, query: restockQuery, response: restockResponse, rows: (b) => b.items.length,
      handler: ({ db, stores, query }) => restockSignals(ws, db, stores, query),
    }),
    defineRoute({
      method: 'get', path: '/api/workspace/:stores/sourcing', tag: TAG, cache: 'data',
      summary: 'Distributors that deliver each category to shops of my county, and their wholesale prices (from 3 distributors)',
      access: ACCESS, params: workspaceParams, query: sourcingQuery, response: sourcingResponse, rows: (b) => b.categories.length,
      handler: ({ db, stores, query }) => sourcing(ws, db, stores, query, today()),
    }),
  ];
}
