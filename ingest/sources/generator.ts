// Generates plausible events for the Chuxiong stores: POS receipts with daily and weekly rhythm,
// produce going up to the cities and goods coming down to the shops, parcels at the stations.
// Deterministic: each day draws from its own seed, so a day's events do not depend on which days
// were generated before it. A share of records can be made bad on purpose to exercise the
// dead-letter path.
import type { EventKind, PosLine, Store } from '../../contracts/events.ts';
import { SCHEMA_VERSION } from '../../contracts/events.ts';
import { addDays, formatShanghaiTime, parseShanghaiTime } from '../../contracts/time.ts';
import { CATALOG } from './catalog.ts';
import { createRandom, type Random } from './random.ts';

export interface GeneratedRecord {
  kind: EventKind;
  value: unknown; // an event object, or on purpose a bad record (text or invalid object)
}

export interface GeneratorOptions {
  seed: number;
  stores: readonly Store[];
  scale?: number; // 1 by default: multiplies every store's traffic
  badShare?: number; // 0 by default: share of records made invalid on purpose
}

const RECEIPTS_PER_DAY: Partial<Record<Store['type'], number>> = { township_station: 14, convenience_store: 28, village_shop: 7 };
const HOUR_WEIGHTS = [0, 0, 0, 0, 0, 0, 1, 3, 6, 6, 5, 5, 6, 5, 4, 4, 5, 7, 8, 7, 5, 3, 1, 0];
const HOURS = HOUR_WEIGHTS.map((w, h) => ({ h, w }));
const CITIES = ['530100', '510100', '500100', '440100', '440300', '310100', '110100', '330100'];
const CARRIERS = ['ems', 'zto', 'yto', 'sto', 'yunda', 'jtexpress', 'sf'];
const PLATFORMS = ['taobao', 'pinduoduo', 'douyin', 'jd', 'county_mall'];
const PAYMENTS = [
  { p: 'wechat', w: 45 }, { p: 'cash', w: 32 }, { p: 'alipay', w: 16 }, { p: 'unionpay', w: 3 }, { p: 'credit', w: 4 },
] as const;
const PRODUCE = CATALOG.filter((c) => c.category.startsWith('produce.') || c.category.startsWith('crafts.'));

export function createGenerator(options: GeneratorOptions) {
  const { seed, stores, scale = 1, badShare = 0 } = options;
  const retail = stores.filter((s) => RECEIPTS_PER_DAY[s.type] !== undefined && s.status === 'active');
  const stations = stores.filter((s) => s.type === 'township_station');

  function receipt(rnd: Random, store: Store, receiptId: string, soldAtMs: number) {
    const lineCount = 1 + rnd.poisson(1.3);
    const lines: PosLine[] = [];
    for (let i = 0; i < lineCount; i++) {
      const item = rnd.weighted(CATALOG, (c) => c.weight);
      const quantity = item.priceFen > 5000 ? 1 : rnd.int(1, 3);
      const discountFen = rnd.chance(0.05) ? Math.round(item.priceFen * quantity * 0.05) : 0;
      lines.push({
        sku: item.sku, category: item.category, quantity, unitPriceFen: item.priceFen, discountFen,
        amountFen: item.priceFen * quantity - discountFen,
      });
    }
    return {
      schemaVersion: SCHEMA_VERSION, receiptId, storeId: store.id, areaCode: store.areaCode,
      soldAt: formatShanghaiTime(soldAtMs),
      channel: store.type === 'township_station' && rnd.chance(0.15) ? 'online_proxy' : 'offline',
      payment: rnd.weighted(PAYMENTS, (x) => x.w).p,
      totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
      lines,
    };
  }

  function spoil(rnd: Random, record: GeneratedRecord): GeneratedRecord {
    const roll = rnd.int(0, 2);
    if (roll === 0) return { kind: record.kind, value: `{"truncated": ${JSON.stringify(record.value).slice(0, 40)}` };
    if (roll === 1) return { kind: record.kind, value: { ...(record.value as object), schemaVersion: 99 } };
    return { kind: record.kind, value: { ...(record.value as object), totalFen: -1, amountFen: -1, parcels: -1 } };
  }

  /** Every record of one Shanghai calendar day `YYYY-MM-DD`. */
  function* day(date: string): Generator<GeneratedRecord> {
    const rnd = createRandom(seed ^ hashDay(date));
    const dayStart = parseShanghaiTime(`${date} 00:00:00`);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const rhythm = (weekday === 0 || weekday === 6 ? 1.15 : 1) * (date.slice(5, 7) === '01' || date.slice(5, 7) === '02' ? 1.2 : 1);
    const at = () => dayStart + rnd.weighted(HOURS, (x) => x.w).h * 3600_000 + rnd.int(0, 3599) * 1000;
    const emit = (r: GeneratedRecord) => (badShare > 0 && rnd.chance(badShare) ? spoil(rnd, r) : r);
    const compact = date.replaceAll('-', '');

    for (const store of retail) {
      const n = rnd.poisson(RECEIPTS_PER_DAY[store.type]! * rhythm * scale);
      for (let i = 1; i <= n; i++) {
        yield emit({ kind: 'pos', value: receipt(rnd, store, `R${compact}-${store.id}-${i}`, at()) });
      }
    }
    for (const station of stations) {
      const up = rnd.poisson(2 * scale);
      for (let i = 1; i <= up; i++) {
        const item = rnd.pick(PRODUCE);
        const quantity = rnd.int(1, 20);
        yield emit({ kind: 'distribution', value: {
          schemaVersion: SCHEMA_VERSION, txnId: `U${compact}-${station.id}-${i}`, occurredAt: formatShanghaiTime(at()),
          sellerId: station.id, buyerId: `buyer-${rnd.int(1, 400)}`, direction: 'upstream', channel: 'online',
          platform: rnd.pick(PLATFORMS), sku: item.sku, category: item.category, quantity,
          weightG: quantity * rnd.int(300, 1200), amountFen: quantity * item.priceFen, originAreaCode: station.areaCode,
          destCityCode: rnd.pick(CITIES), traceBatch: `CX${compact}${station.areaCode.slice(6)}${i}`,
        } });
      }
      for (const direction of ['out', 'in'] as const) {
        yield emit({ kind: 'parcel', value: {
          schemaVersion: SCHEMA_VERSION, recordId: `P${compact}-${station.id}-${direction}`, stationId: station.id,
          areaCode: station.areaCode, day: date, direction, carrier: rnd.pick(CARRIERS),
          parcels: rnd.poisson((direction === 'out' ? 6 : 22) * scale), weightG: rnd.int(5, 40) * 1000,
        } });
      }
    }
  }

  /** `count` receipts at instants in [fromMs, toMs), for the live stream. */
  function* live(fromMs: number, toMs: number, count: number): Generator<GeneratedRecord> {
    const rnd = createRandom(seed ^ Math.floor(fromMs / 1000));
    for (let i = 0; i < count; i++) {
      const store = rnd.weighted(retail, (s) => RECEIPTS_PER_DAY[s.type]!);
      const t = fromMs + Math.floor(rnd.next() * (toMs - fromMs));
      yield { kind: 'pos', value: receipt(rnd, store, `L${fromMs}-${i}`, t) };
    }
  }

  return { day, live, days: (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i)) };
}

export type EventGenerator = ReturnType<typeof createGenerator>;

function hashDay(date: string): number {
  let h = 2166136261;
  for (let i = 0; i < date.length; i++) h = Math.imul(h ^ date.charCodeAt(i), 16777619);
  return h >>> 0;
}
