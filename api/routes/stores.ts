// Stores and stations: the list an official or analyst sees of an area (a merchant: their own),
// and one store's own weekly sales and categories.
import { storeDetail, storeParams, storesQuery, storesResponse, type StoreDetail, type StoreSummary } from '../../contracts/stores.ts';
import { addDays, isoWeek, lastWholeWeekEnd, shanghaiDay } from '../../contracts/time.ts';
import type { Queries } from '../../warehouse/queries.ts';
import { storeKey, type Directory, type StoreInfo } from '../directory.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { storeInScope } from '../scope.ts';
import type { VersionedMemo } from '../versioned-memo.ts';
import { lastSaleDay } from '../workspace/common.ts';

const WEEKS = 12;

export function storeRoutes(deps: { queries: Queries; directory: Directory; clock: () => number; memo: VersionedMemo }): AnyRoute[] {
  const { queries, directory, clock, memo } = deps;

  async function summary(s: StoreInfo): Promise<StoreSummary> {
    return { ...s, areaName: (await directory.area(s.areaCode))?.name ?? s.areaCode };
  }

  return [
    defineRoute({
      method: 'get', path: '/api/stores', tag: 'stores', summary: 'Stores and stations registered in an area (a merchant: only their own)',
      access: { roles: ['merchant', 'official', 'analyst'], scope: { kind: 'area', param: 'area' } },
      query: storesQuery, response: storesResponse, rows: (b) => b.stores.length, cache: 'data',
      async handler({ area, scope }) {
        const all = await directory.stores();
        const mine = all.filter((s) => s.areaCode.startsWith(area) && storeInScope(scope, s));
        return { area, stores: await Promise.all(mine.map(summary)) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/stores/:id', tag: 'stores', summary: 'One store: its weekly POS sales over the last 12 whole weeks with data and the week under way so far, and its categories',
      access: { roles: ['merchant', 'official', 'analyst'], scope: { kind: 'store', param: 'id' } },
      params: storeParams, response: storeDetail, rows: (b) => b.weeks.length + b.categories.length, cache: 'data',
      async handler({ store, db }) {
        const s = store!;
        const where = { store: s.id, ...storeKey(s) };
        // The last day it sold, kept until the data changes (shared with the workspace).
        const lastSale = await lastSaleDay({ queries, memo }, db, [s]);
        const today = shanghaiDay(clock());
        // Whole weeks: the week under way comes apart, so far, and is never set beside them.
        const to = lastWholeWeekEnd(lastSale, today);
        const from = addDays(to, -WEEKS * 7);
        const p = { ...where, from, to };
        const underWay = lastSale !== null && lastSale >= to;
        const [weeks, categories] = await Promise.all([
          db.query<{ week_start: string; lines: number; qty: number; amount_fen: number; online_proxy_fen: number }>(queries['store-weekly-sales'], { ...p, to: underWay ? addDays(to, 7) : to }),
          db.query<{ category: string; qty: number; amount_fen: number }>(queries['store-category-sales'], p),
        ]);
        const byWeek = new Map(weeks.map((w) => [String(w.week_start), w]));
        const weekOf = (start: string) => {
          const w = byWeek.get(start);
          return {
            week: isoWeek(start), start, lines: Number(w?.lines ?? 0), qty: Number(w?.qty ?? 0),
            amountFen: Number(w?.amount_fen ?? 0), onlineProxyFen: Number(w?.online_proxy_fen ?? 0),
          };
        };
        const path = [s.areaCode.slice(0, 4), s.areaCode.slice(0, 6), s.areaCode.slice(0, 9), s.areaCode]
          .filter((c, i, all) => all.indexOf(c) === i);
        const body: StoreDetail = {
          store: await summary(s),
          path: (await Promise.all(path.map(async (code) => ({ code, name: (await directory.area(code))?.name ?? code })))),
          from, to, lastSaleDay: lastSale,
          weeks: Array.from({ length: WEEKS }, (_, i) => weekOf(addDays(from, i * 7))),
          weekToDate: underWay ? { ...weekOf(to), through: today } : null,
          categories: categories.map((c) => ({ category: c.category, qty: Number(c.qty), amountFen: Number(c.amount_fen) })),
        };
        return body;
      },
    }),
  ];
}
