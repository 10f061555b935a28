// The simulated county: POS receipts with daily, weekly and seasonal rhythm and the festivals;
// local produce going up to the cities in its season, with traceability batch codes; goods coming
// down to the shops as weekly restocks; parcels at the stations that follow from those flows.
// Deterministic: each day draws from its own seed, so a day's events never depend on which days
// were generated before it. A share of records can be made bad on purpose for the dead letters.
import { formatBatchCode } from '../../contracts/batch-code.ts';
import type { EventKind, PosLine, Store } from '../../contracts/events.ts';
import { SCHEMA_VERSION } from '../../contracts/events.ts';
import { addDays, formatShanghaiTime, parseShanghaiTime } from '../../contracts/time.ts';
import { festivalFactor, festiveClass } from './calendar.ts';
import { CARRIERS, CRAFT_ORDERS_PER_DAY, DESTINATIONS, ONLINE_PROXY_SHARE, PLATFORMS, RECEIPTS_PER_DAY, growth, monthFactor } from './model.ts';
import { createRandom, type Random } from './random.ts';
import { silentFrom } from './stores.ts';

export interface GeneratedRecord {
  kind: EventKind;
  value: unknown; // an event object, or on purpose a bad record (text or invalid object)
}

/** What the simulator needs of a product (reference/products.json has more). */
export interface SimProduct {
  sku: string;
  category: string;
  priceFen: number;
  weight: number; // relative popularity in shops
  agricultural: boolean;
  originAreaCode?: string;
  seasonMonths?: readonly number[];
  peakMonths?: readonly number[];
  unit: string;
}

export interface GeneratorOptions {
  seed: number;
  stores: readonly Store[];
  products: readonly SimProduct[];
  scale?: number; // 1 by default: multiplies every outlet's traffic
  badShare?: number; // 0 by default: share of records made invalid on purpose
}

const HOURS = [0, 0, 0, 0, 0, 0, 1, 3, 6, 6, 5, 5, 6, 5, 4, 4, 5, 7, 8, 7, 5, 3, 1, 0].map((w, h) => ({ h, w }));
const PAYMENTS = [
  { p: 'wechat', w: 45 }, { p: 'cash', w: 32 }, { p: 'alipay', w: 16 }, { p: 'unionpay', w: 3 }, { p: 'credit', w: 4 },
] as const;

/** Grams in one unit, read from units like 500g, 2.5kg, 5L; 500 g when the unit does not say. */
export function unitGrams(p: SimProduct): number {
  const m = /([\d.]+)\s*(kg|g|l|ml)/i.exec(`${p.unit} ${p.sku}`);
  if (!m) return 500;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  return Math.round(unit === 'kg' || unit === 'l' ? n * 1000 : n);
}

/** Availability of a product in a month: 0 out of season, 1 in season, 2 at its peak. */
export function inSeason(p: SimProduct, month: number): number {
  if (p.seasonMonths && p.seasonMonths.length > 0 && !p.seasonMonths.includes(month)) return 0;
  return p.peakMonths?.includes(month) ? 2 : 1;
}

/** A weighted picker built once per day: binary search over cumulative weights. */
function picker<T>(items: readonly T[], weight: (t: T) => number) {
  const cumulative: number[] = [];
  let total = 0;
  const kept: T[] = [];
  for (const t of items) {
    const w = weight(t);
    if (w <= 0) continue;
    total += w;
    cumulative.push(total);
    kept.push(t);
  }
  return (rnd: Random): T | undefined => {
    if (kept.length === 0) return undefined;
    const r = rnd.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return kept[lo];
  };
}

const countyOf = (s: Store) => s.areaCode.slice(0, 6);
const compact = (date: string) => date.replaceAll('-', '');

export function createGenerator(options: GeneratorOptions) {
  const { seed, stores, products, scale = 1, badShare = 0 } = options;
  const retail = stores.filter((s) => RECEIPTS_PER_DAY[s.type] !== undefined);
  const stations = stores.filter((s) => s.type === 'township_station' || s.type === 'village_point');
  const sellers = stores.filter((s) => s.type === 'cooperative' || s.type === 'township_station');
  // Who supplies the shops: the county's distributors and, where there is one, its logistics warehouse.
  const distributors = stores.filter((s) => s.type === 'distributor' || s.type === 'county_warehouse');
  const shops = stores.filter((s) => s.type === 'village_shop' || s.type === 'convenience_store');
  const produce = products.filter((p) => p.originAreaCode); // local produce: it has an origin here
  // Handicrafts made across the prefecture (no one origin): every seller may ship them.
  const pickCraft = picker(products.filter((p) => !p.agricultural && !p.originAreaCode && p.category.startsWith('crafts.')), (p) => p.weight);

  const openOn = (s: Store, date: string) => s.openedOn <= date && (silentFrom(s) === null || date < silentFrom(s)!);

  /** Produce a seller can ship: from its township if any grows there, else from its county. */
  const produceOf = new Map<string, SimProduct[]>();
  for (const s of sellers) {
    const local = produce.filter((p) => s.areaCode.startsWith(p.originAreaCode!) || p.originAreaCode!.startsWith(s.areaCode));
    produceOf.set(s.id, local.length > 0 ? local : produce.filter((p) => p.originAreaCode!.startsWith(countyOf(s))));
  }

  function spoil(rnd: Random, record: GeneratedRecord): GeneratedRecord {
    const roll = rnd.int(0, 2);
    if (roll === 0) return { kind: record.kind, value: `{"truncated": ${JSON.stringify(record.value).slice(0, 40)}` };
    if (roll === 1) return { kind: record.kind, value: { ...(record.value as object), schemaVersion: 99 } };
    return { kind: record.kind, value: { ...(record.value as object), totalFen: -1, amountFen: -1, parcels: -1 } };
  }

  function receipt(rnd: Random, pick: (r: Random) => SimProduct | undefined, store: Store, receiptId: string, soldAtMs: number, online: boolean) {
    const lines: PosLine[] = [];
    for (let i = 0, n = 1 + rnd.poisson(1.3); i < n; i++) {
      const item = pick(rnd);
      if (!item) break;
      const quantity = item.priceFen > 5000 ? 1 : rnd.int(1, 3);
      const unitPriceFen = shelfPrice(store, item);
      const discountFen = rnd.chance(0.05) ? Math.round(unitPriceFen * quantity * 0.05) : 0;
      lines.push({
        sku: item.sku, category: item.category, quantity, unitPriceFen, discountFen,
        amountFen: unitPriceFen * quantity - discountFen,
      });
    }
    return {
      schemaVersion: SCHEMA_VERSION, receiptId, storeId: store.id, areaCode: store.areaCode, soldAt: formatShanghaiTime(soldAtMs),
      channel: online ? 'online_proxy' : 'offline', payment: online ? 'wechat' : rnd.weighted(PAYMENTS, (x) => x.w).p,
      totalFen: lines.reduce((s, l) => s + l.amountFen, 0), lines,
    };
  }

  /** Every record of one Shanghai calendar day `YYYY-MM-DD`. */
  function* day(date: string): Generator<GeneratedRecord> {
    const rnd = createRandom(seed ^ hashDay(date));
    const dayStart = parseShanghaiTime(`${date} 00:00:00`);
    const month = Number(date.slice(5, 7));
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekly = weekday === 0 || weekday === 6 ? 1.15 : 1;
    const at = () => dayStart + rnd.weighted(HOURS, (x) => x.w).h * 3600_000 + rnd.int(0, 3599) * 1000;
    const emit = (r: GeneratedRecord) => (badShare > 0 && rnd.chance(badShare) ? spoil(rnd, r) : r);
    const ymd = compact(date);
    // What shops sell today: popularity x season x festival, fixed for the day.
    const pickShelf = picker(products, (p) =>
      p.weight * monthFactor(p.category, month) * festivalFactor(date, festiveClass(p.category)) * (p.originAreaCode ? inSeason(p, month) * 0.3 : 1));
    const dayBoost = festivalFactor(date, 'other') * weekly;
    const proxyOrders = new Map<string, number>(); // township -> online orders delivered there today
    const upOrders = new Map<string, number>(); // township -> produce parcels sent from there today

    for (const store of retail) {
      if (!openOn(store, date)) continue;
      const county = countyOf(store);
      const offline = rnd.poisson(RECEIPTS_PER_DAY[store.type]! * dayBoost * growth(county, 'offline', date) * scale);
      const online = store.type === 'township_station' || store.type === 'village_point'
        ? rnd.poisson(RECEIPTS_PER_DAY[store.type]! * ONLINE_PROXY_SHARE * growth(county, 'online', date) * scale)
        : 0;
      for (let i = 1; i <= offline + online; i++) {
        const isOnline = i > offline;
        if (isOnline) proxyOrders.set(store.areaCode.slice(0, 9), (proxyOrders.get(store.areaCode.slice(0, 9)) ?? 0) + 1);
        yield emit({ kind: 'pos', value: receipt(rnd, pickShelf, store, `R${ymd}-${store.id}-${i}`, at(), isOnline) });
      }
    }

    // Upstream: produce in season leaves with the co-operatives and stations, one traceability
    // batch per seller, product and day.
    for (const seller of sellers) {
      if (!openOn(seller, date)) continue;
      const pick = picker(produceOf.get(seller.id) ?? [], (p) => inSeason(p, month));
      const county = countyOf(seller);
      const orders = rnd.poisson((seller.type === 'cooperative' ? 3 : 1.5) * growth(county, 'online', date) * scale);
      for (let i = 1; i <= orders; i++) {
        const item = pick(rnd);
        if (!item) break;
        const peak = inSeason(item, month);
        const wholesale = rnd.chance(0.3);
        const quantity = wholesale ? rnd.int(20, 200) * peak : rnd.int(1, 6);
        const township = seller.areaCode.slice(0, 9);
        if (!wholesale) upOrders.set(township, (upOrders.get(township) ?? 0) + 1);
        yield emit({ kind: 'distribution', value: {
          schemaVersion: SCHEMA_VERSION, txnId: `U${ymd}-${seller.id}-${i}`, occurredAt: formatShanghaiTime(at()),
          sellerId: seller.id, buyerId: wholesale ? `WB-${rnd.int(1, 60)}` : `C-${rnd.int(1, 1_000_000)}`,
          direction: 'upstream', channel: wholesale ? 'offline' : 'online',
          ...(wholesale ? {} : { platform: rnd.weighted(PLATFORMS, (x) => x.weight).code }),
          sku: item.sku, category: item.category, quantity, weightG: quantity * unitGrams(item),
          amountFen: Math.round(quantity * item.priceFen * (wholesale ? 0.7 : 1)), originAreaCode: seller.areaCode,
          destCityCode: rnd.weighted(DESTINATIONS, (x) => x.weight).code,
          // One harvest lot per seller, product and day: every order of it carries the same code.
          traceBatch: formatBatchCode(item.originAreaCode!, date, hashDay(seller.id + item.sku) % 10_000),
        } });
      }
    }

    // Handicrafts sold online beside the produce, from a random stream of their own so that adding
    // them changed no other record before the parcels (which they join: out of the township).
    const crafts = createRandom(seed ^ hashDay(`${date}:crafts`));
    const craftEmit = (r: GeneratedRecord) => (badShare > 0 && crafts.chance(badShare) ? spoil(crafts, r) : r);
    for (const seller of sellers) {
      if (!openOn(seller, date)) continue;
      const orders = crafts.poisson(CRAFT_ORDERS_PER_DAY[seller.type]! * growth(countyOf(seller), 'online', date) * scale);
      for (let i = 1; i <= orders; i++) {
        const item = pickCraft(crafts);
        if (!item) break;
        const quantity = crafts.int(1, 2);
        const township = seller.areaCode.slice(0, 9);
        upOrders.set(township, (upOrders.get(township) ?? 0) + 1);
        yield craftEmit({ kind: 'distribution', value: {
          schemaVersion: SCHEMA_VERSION, txnId: `C${ymd}-${seller.id}-${i}`, occurredAt: formatShanghaiTime(dayStart + crafts.weighted(HOURS, (x) => x.w).h * 3600_000 + crafts.int(0, 3599) * 1000),
          sellerId: seller.id, buyerId: `C-${crafts.int(1, 1_000_000)}`, direction: 'upstream', channel: 'online',
          platform: crafts.weighted(PLATFORMS, (x) => x.weight).code, sku: item.sku, category: item.category, quantity,
          weightG: quantity * unitGrams(item), amountFen: quantity * item.priceFen, originAreaCode: seller.areaCode,
          destCityCode: crafts.weighted(DESTINATIONS, (x) => x.weight).code,
        } });
      }
    }

    // Downstream: each shop restocks once a week (on its own weekday) from a distributor of its county.
    for (const shop of shops) {
      if (!openOn(shop, date) || hashDay(shop.id) % 7 !== weekday) continue;
      const from = distributors.filter((d) => countyOf(d) === countyOf(shop));
      if (from.length === 0) continue;
      const online = rnd.chance(Math.min(0.6, 0.15 * growth(countyOf(shop), 'online', date)));
      for (let i = 1, n = rnd.int(2, 5); i <= n; i++) {
        // Each line from whichever supplier the shop buys that product from this time.
        const distributor = from[hashDay(`${shop.id}|${date}|${i}`) % from.length]!;
        const item = pickShelf(rnd);
        if (!item || item.originAreaCode) continue; // local produce does not come down from a distributor
        const quantity = rnd.int(6, 48);
        yield emit({ kind: 'distribution', value: {
          schemaVersion: SCHEMA_VERSION, txnId: `D${ymd}-${shop.id}-${i}`, occurredAt: formatShanghaiTime(dayStart + rnd.int(8, 17) * 3600_000),
          sellerId: distributor.id, buyerId: shop.id, direction: 'downstream', channel: online ? 'online' : 'offline',
          ...(online ? { platform: 'county_mall' } : {}), sku: item.sku, category: item.category, quantity,
          weightG: quantity * unitGrams(item), amountFen: quantity * wholesalePrice(distributor, item),
          originAreaCode: distributor.areaCode, destStoreId: shop.id,
        } });
        if (online) proxyOrders.set(shop.areaCode.slice(0, 9), (proxyOrders.get(shop.areaCode.slice(0, 9)) ?? 0) + 1);
      }
    }

    // Parcels at the stations follow the flows: out = produce orders sent from the township,
    // in = orders delivered there, plus villagers' own online shopping.
    for (const station of stations) {
      if (!openOn(station, date)) continue;
      const township = station.areaCode.slice(0, 9);
      const lead = station.type === 'township_station';
      const own = rnd.poisson((lead ? 16 : 3) * growth(countyOf(station), 'online', date) * dayBoost * scale);
      const totals = {
        out: (lead ? upOrders.get(township) ?? 0 : 0) + rnd.poisson((lead ? 3 : 0.5) * scale),
        in: (lead ? proxyOrders.get(township) ?? 0 : 0) + own,
      };
      for (const direction of ['out', 'in'] as const) {
        let left = totals[direction];
        for (const carrier of CARRIERS) {
          if (left <= 0) break;
          const n = carrier === CARRIERS[CARRIERS.length - 1] ? left : Math.min(left, rnd.poisson(totals[direction] * carrier.weight / 100));
          if (n <= 0) continue;
          left -= n;
          yield emit({ kind: 'parcel', value: {
            schemaVersion: SCHEMA_VERSION, recordId: `P${ymd}-${station.id}-${direction}-${carrier.code}`, stationId: station.id,
            areaCode: station.areaCode, day: date, direction, carrier: carrier.code, parcels: n,
            weightG: n * rnd.int(direction === 'out' ? 1500 : 800, direction === 'out' ? 4000 : 2500),
          } });
        }
      }
    }

    // Township stations keep a shop too, restocked weekly like the village shops. Drawn from a
    // random stream of their own, after everything else, so adding them changed no other record.
    const restock = createRandom(seed ^ hashDay(`${date}:station-restock`));
    for (const station of stations) {
      if (station.type !== 'township_station' || !openOn(station, date) || hashDay(station.id) % 7 !== weekday) continue;
      const from = distributors.filter((d) => countyOf(d) === countyOf(station));
      if (from.length === 0) continue;
      for (let i = 1, n = restock.int(4, 9); i <= n; i++) {
        const distributor = from[hashDay(`${station.id}|${date}|${i}`) % from.length]!;
        const item = pickShelf(restock);
        if (!item || item.originAreaCode) continue;
        const quantity = restock.int(12, 72);
        yield emit({ kind: 'distribution', value: {
          schemaVersion: SCHEMA_VERSION, txnId: `D${ymd}-${station.id}-${i}`, occurredAt: formatShanghaiTime(dayStart + restock.int(8, 17) * 3600_000),
          sellerId: distributor.id, buyerId: station.id, direction: 'downstream', channel: 'offline',
          sku: item.sku, category: item.category, quantity, weightG: quantity * unitGrams(item),
          amountFen: quantity * wholesalePrice(distributor, item), originAreaCode: distributor.areaCode, destStoreId: station.id,
        } });
      }
    }
  }

  /** `count` receipts at instants in [fromMs, toMs), for the live stream. */
  function* live(fromMs: number, toMs: number, count: number): Generator<GeneratedRecord> {
    const rnd = createRandom(seed ^ Math.floor(fromMs / 1000));
    const date = formatShanghaiTime(fromMs).slice(0, 10);
    const month = Number(date.slice(5, 7));
    const pick = picker(products, (p) => p.weight * monthFactor(p.category, month) * (p.originAreaCode ? inSeason(p, month) * 0.3 : 1));
    const open = picker(retail.filter((s) => openOn(s, date)), (s) => RECEIPTS_PER_DAY[s.type]!);
    for (let i = 0; i < count; i++) {
      const store = open(rnd);
      if (!store) return;
      const t = fromMs + Math.floor(rnd.next() * (toMs - fromMs));
      yield { kind: 'pos', value: receipt(rnd, pick, store, `L${fromMs}-${i}`, t, false) };
    }
  }

  return { day, live, days: (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i)) };
}

export type EventGenerator = ReturnType<typeof createGenerator>;

/** A shop's own shelf price of a product: the reference price -8% to +12%, in whole jiao (10 fen).
 *  Fixed per shop and product, so shops of an area spread around the reference as real ones do. */
export function shelfPrice(store: Pick<Store, 'id'>, p: Pick<SimProduct, 'sku' | 'priceFen'>): number {
  const f = -0.08 + (hashDay(`${store.id}|${p.sku}`) % 21) / 100;
  return Math.max(10, Math.round((p.priceFen * (1 + f)) / 10) * 10);
}

/** A distributor's wholesale price of a product: 72% to 84% of the reference price, in fen. */
export function wholesalePrice(distributor: Pick<Store, 'id'>, p: Pick<SimProduct, 'sku' | 'priceFen'>): number {
  return Math.round(p.priceFen * (0.72 + (hashDay(`${distributor.id}|${p.sku}`) % 13) / 100));
}

function hashDay(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
