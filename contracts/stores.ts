// Stores and stations as the API lists them, and one store's own sales. Browser-safe.
import { z } from 'zod';
import { storeId } from './auth.ts';

export const storeSummary = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().describe('village_shop, convenience_store, township_station, village_point, county_centre, county_warehouse, distributor, cooperative.'),
  tier: z.number().int().describe('1: county seat, 2: township, 3: village.'),
  areaCode: z.string(),
  areaName: z.string(),
  openedOn: z.string(),
  status: z.string().describe('active, silent or closed.'),
});
export type StoreSummary = z.infer<typeof storeSummary>;

export const storesQuery = z.object({
  area: z.string().regex(/^5323(\d{2}|\d{5}|\d{8})?$/, 'must be 5323, a county, township or village code in Chuxiong').optional()
    .describe('Stores registered in this area and below; the caller\'s home area by default.'),
}).strict();

export const storesResponse = z.object({
  area: z.string(),
  stores: z.array(storeSummary).describe('A merchant sees only their own stores.'),
});

export const storeParams = z.object({ id: storeId });

/** What an administrator picks an account's scope from: the areas an official may oversee, and
 *  the stores a merchant may have (names and places, no figures). */
export const adminDirectoryResponse = z.object({
  areas: z.array(z.object({ code: z.string(), name: z.string() })).describe('The prefecture and its counties.'),
  stores: z.array(storeSummary.pick({ id: true, name: true, type: true, areaCode: true }).extend({
    place: z.string().describe('The names of its county, township and village, from the top.'),
  })),
});
export type AdminDirectory = z.infer<typeof adminDirectoryResponse>;

export const storeWeek = z.object({
  week: z.string(), start: z.string(),
  lines: z.number().int(), qty: z.number().int(), amountFen: z.number().int(),
  onlineProxyFen: z.number().int().describe('Of amountFen, online orders placed at the store for villagers (代买代购).'),
});

export const storeDetail = z.object({
  store: storeSummary,
  path: z.array(z.object({ code: z.string(), name: z.string() })).describe('Areas above the store, prefecture first.'),
  from: z.string(), to: z.string(),
  lastSaleDay: z.string().nullable(),
  weeks: z.array(storeWeek).describe('Every ISO week of [from, to), empty weeks included, oldest first: whole weeks (to is never after this week\'s Monday).'),
  weekToDate: storeWeek.extend({ through: z.string().describe('Today (Shanghai): the last day so far.') }).nullable()
    .describe('The week under way (from `to`) so far, when the store has sold in it; null otherwise.'),
  categories: z.array(z.object({ category: z.string(), qty: z.number().int(), amountFen: z.number().int() }))
    .describe('Top-level categories over [from, to), largest first.'),
});
export type StoreDetail = z.infer<typeof storeDetail>;
