// Produce flows on a generated county (2024-06-01 to 2026-03-15): every figure of /api/flows/* is
// recomputed here from the generated events themselves, with the reference files read by this test,
// never through the rollup or the SQL, and must be equal to the fen and the gram.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DistributionTxn, ParcelVolume } from '../../contracts/events.ts';
import {
  batchesResponse, batchResponse, downstreamResponse, parcelsVsOrdersResponse, seasonalityResponse, upstreamResponse, type FlowTotals,
} from '../../contracts/flows.ts';
import { addDays } from '../../contracts/time.ts';
import { openTestApp, type TestApp } from '../fixtures/app.ts';
import { loadCounty } from '../fixtures/county.ts';
import { areas, ROOT, stores } from '../fixtures/warehouse.ts';

const FROM_DAY = '2024-06-01';
const TO_DAY = '2026-03-15';

let t: TestApp;
let up: DistributionTxn[] = [];
let down: DistributionTxn[] = [];
let parcels: ParcelVolume[] = [];

// The reference files, read here rather than through the warehouse.
const CITIES = new Map((JSON.parse(readFileSync(join(ROOT, 'reference/cities.json'), 'utf8')) as {
  cities: { code: string; name: string; province: string; lon: number; lat: number }[];
}).cities.map((c) => [c.code, c]));
const PRODUCTS = new Map((JSON.parse(readFileSync(join(ROOT, 'reference/products.json'), 'utf8')) as {
  products: { sku: string; name: string; category: string; originAreaCode?: string }[];
}).products.map((p) => [p.sku, p]));
const AREA_NAME = new Map(areas.map((a) => [a.code, a.name]));
const STORE = new Map(stores.map((s) => [s.id, s]));

beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-03-20T04:00:00Z') });
  const events = await loadCounty(t.wh, { from: FROM_DAY, to: TO_DAY, scale: 0.06 });
  for (const e of events) {
    if (e.kind === 'distribution') (e.event.direction === 'upstream' ? up : down).push(e.event);
    if (e.kind === 'parcel') parcels.push(e.event);
  }
}, 300_000);
afterAll(() => t?.close());

// Independent arithmetic over the events.
const monthOf = (e: { occurredAt: string }) => e.occurredAt.slice(0, 7);
const dayOf = (e: { occurredAt: string }) => e.occurredAt.slice(0, 10);
const zero = (): FlowTotals => ({ orders: 0, qty: 0, weightG: 0, amountFen: 0 });
const plus = (s: FlowTotals, e: DistributionTxn): FlowTotals => ({
  orders: s.orders + 1, qty: s.qty + e.quantity, weightG: s.weightG + e.weightG, amountFen: s.amountFen + e.amountFen,
});
const sum = (list: readonly DistributionTxn[]) => list.reduce(plus, zero());
function groupBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
const byValueThen = <T extends { amountFen: number }>(key: (x: T) => string) => (a: T, b: T) => b.amountFen - a.amountFen || key(a).localeCompare(key(b));
const months = (from: string, to: string) => {
  const out: string[] = [];
  for (let m = from; m <= to;) {
    out.push(m);
    const [y, mm] = m.split('-').map(Number) as [number, number];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return out;
};
const monthsBack = (m: string, n: number) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  const k = y * 12 + mm - 1 - n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
};

/** Upstream flows of `area` over [from, to] as the contract defines them, from the events. */
function expectedUpstream(area: string, from: string, to: string, filter: (e: DistributionTxn) => boolean = () => true) {
  const list = up.filter((e) => e.originAreaCode.startsWith(area) && monthOf(e) >= from && monthOf(e) <= to && filter(e));
  // The children of the area: counties of the prefecture, townships of a county, villages of a
  // township (or the township itself where the goods came from the township).
  const originOf = (e: DistributionTxn) => area.length === 4 ? e.originAreaCode.slice(0, 6)
    : area.length === 6 ? e.originAreaCode.slice(0, 9) : e.originAreaCode;
  const top = (e: DistributionTxn) => e.category.split('.')[0]!;
  const city = (code: string) => {
    const c = CITIES.get(code)!;
    return { code, name: c.name, province: c.province, lon: c.lon, lat: c.lat };
  };
  const sankeyLinks = [
    ...[...groupBy(list, (e) => `county:${e.originAreaCode.slice(0, 6)}>category:${top(e)}`)],
    ...[...groupBy(list, (e) => `category:${top(e)}>city:${e.destCityCode}`)],
  ].map(([k, l]) => {
    const [source, target] = k.split('>') as [string, string];
    return { source, target, amountFen: sum(l).amountFen, weightG: sum(l).weightG };
  }).sort(byKey((l) => `${l.source}>${l.target}`));
  return {
    list,
    totals: sum(list),
    origins: [...groupBy(list, originOf)].map(([code, l]) => ({ code, name: AREA_NAME.get(code)!, ...sum(l) })).sort(byKey((o) => o.code)),
    cities: [...groupBy(list, (e) => e.destCityCode!)].map(([code, l]) => ({ ...city(code), ...sum(l) })).sort(byValueThen((c) => c.code)),
    arcs: [...groupBy(list, (e) => `${originOf(e)}|${e.destCityCode}`)].map(([k, l]) => {
      const [origin, c] = k.split('|') as [string, string];
      return { origin, city: c, ...sum(l) };
    }).sort(byKey((a) => `${a.origin}|${a.city}`)),
    categories: [...groupBy(list, top)].map(([category, l]) => ({ category, ...sum(l) })).sort(byValueThen((c) => c.category)),
    channels: [...groupBy(list, (e) => `${e.channel}|${e.platform ?? ''}`)].map(([k, l]) => {
      const [channel, platform] = k.split('|') as [string, string];
      return { channel, platform, ...sum(l) };
    }).sort(byKey((c) => `${c.channel}|${c.platform}`)),
    sankeyNodes: [
      ...[...new Set(list.map((e) => e.originAreaCode.slice(0, 6)))].map((c) => ({ id: `county:${c}`, kind: 'county', name: AREA_NAME.get(c)! })),
      ...[...new Set(list.map(top))].map((c) => ({ id: `category:${c}`, kind: 'category', name: c })),
      ...[...new Set(list.map((e) => e.destCityCode!))].map((c) => ({ id: `city:${c}`, kind: 'city', name: CITIES.get(c)!.name })),
    ].sort(byKey((n) => n.id)),
    sankeyLinks,
  };
}

async function get(path: string, who: Parameters<TestApp['agent']>[0] = 'analyst') {
  const res = await (await t.agent(who)).get(path);
  return res;
}

describe('upstream flows: totals, origins, cities, arcs, categories and channels equal the events', () => {
  // The three levels of the issue: the prefecture (origins are counties), Lufeng (townships) and
  // 金山镇 of Lufeng (villages, or the township itself).
  for (const [who, area] of [['prefecture', '5323'], ['lufeng', '532302'], ['lufeng', '532302101']] as const) {
    test(`${area}, the default range (the 12 months to the last month with flows, 2025-04 to 2026-03)`, async () => {
      const res = await get(`/api/flows/upstream?area=${area}`, who);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const body = upstreamResponse.parse(res.body);
      const want = expectedUpstream(area, '2025-04', '2026-03');
      expect(want.list.length).toBeGreaterThan(area.length === 9 ? 20 : 200);
      expect({ from: body.from, to: body.to, originLevel: body.originLevel, area: body.area })
        .toEqual({ from: '2025-04', to: '2026-03', originLevel: { 4: 'county', 6: 'township', 9: 'village' }[area.length], area: { code: area, name: AREA_NAME.get(area) } });
      expect(body.totals).toEqual(want.totals);
      expect(body.origins).toEqual(want.origins);
      expect(body.cities).toEqual(want.cities); // largest value first
      expect([...body.arcs].sort(byKey((a) => `${a.origin}|${a.city}`))).toEqual(want.arcs);
      expect(body.categories).toEqual(want.categories); // largest value first
      expect([...body.channels].sort(byKey((c) => `${c.channel}|${c.platform}`))).toEqual(want.channels);
      // The Sankey: origin county -> category -> city, each stage adding up to the totals.
      expect([...body.sankey.nodes].sort(byKey((n) => n.id))).toEqual(want.sankeyNodes);
      expect([...body.sankey.links].sort(byKey((l) => `${l.source}>${l.target}`))).toEqual(want.sankeyLinks);
      for (const stage of ['county:', 'category:']) {
        const links = body.sankey.links.filter((l) => l.source.startsWith(stage));
        expect(links.reduce((s, l) => s + l.amountFen, 0)).toBe(want.totals.amountFen);
        expect(links.reduce((s, l) => s + l.weightG, 0)).toBe(want.totals.weightG);
      }
    });
  }

  test('the township level shows villages and the township itself where the goods left from the township', async () => {
    const body = upstreamResponse.parse((await get('/api/flows/upstream?area=532302101&from=2024-06&to=2026-03', 'lufeng')).body);
    const want = expectedUpstream('532302101', '2024-06', '2026-03');
    expect(body.origins).toEqual(want.origins);
    expect(new Set(body.origins.map((o) => o.code.length))).toEqual(new Set(want.origins.map((o) => o.code.length)));
  });

  test('`to` is the last month included, in Shanghai calendar months', async () => {
    const body = upstreamResponse.parse((await get('/api/flows/upstream?area=5323&from=2025-07&to=2025-12')).body);
    const want = expectedUpstream('5323', '2025-07', '2025-12');
    expect(body.totals).toEqual(want.totals);
    expect(want.list.filter((e) => monthOf(e) === '2025-12').length).toBeGreaterThan(0);
  });

  test('filtered by category, by channel and by platform', async () => {
    const mushrooms = upstreamResponse.parse((await get('/api/flows/upstream?area=5323&from=2024-06&to=2026-03&category=produce.wild_mushroom')).body);
    expect(mushrooms.totals).toEqual(expectedUpstream('5323', '2024-06', '2026-03', (e) => e.category === 'produce.wild_mushroom').totals);
    const produce = upstreamResponse.parse((await get('/api/flows/upstream?area=532324&from=2024-06&to=2026-03&category=produce')).body);
    expect(produce.totals).toEqual(expectedUpstream('532324', '2024-06', '2026-03', (e) => e.category.startsWith('produce.')).totals);
    const wholesale = upstreamResponse.parse((await get('/api/flows/upstream?area=532302&channel=offline')).body);
    expect(wholesale.totals).toEqual(expectedUpstream('532302', '2025-04', '2026-03', (e) => e.channel === 'offline').totals);
    expect(wholesale.channels.map((c) => `${c.channel}|${c.platform}`)).toEqual(['offline|']);
    const pdd = upstreamResponse.parse((await get('/api/flows/upstream?area=5323&channel=online&platform=pinduoduo')).body);
    const wantPdd = expectedUpstream('5323', '2025-04', '2026-03', (e) => e.platform === 'pinduoduo');
    expect(wantPdd.list.length).toBeGreaterThan(0);
    expect(pdd.totals).toEqual(wantPdd.totals);
  });
});

describe('seasonality', () => {
  const NANHUA = '532324';
  const expectedSeason = (filter: (e: DistributionTxn) => boolean) => {
    const list = up.filter((e) => e.originAreaCode.startsWith(NANHUA) && filter(e));
    const byMonth = groupBy(list, monthOf);
    const area = up.filter((e) => e.originAreaCode.startsWith(NANHUA)).map(monthOf).sort();
    return { list, byMonth, first: area[0]!, last: area.at(-1)! };
  };
  const row = (byMonth: Map<string, DistributionTxn[]>, m: string) => {
    const now = sum(byMonth.get(m) ?? []);
    const base = sum(byMonth.get(monthsBack(m, 12)) ?? []).weightG;
    // The clock's month (2026-03, the app's clock at the 20th) is under way: no change against a whole month.
    const partial = m === '2026-03';
    return { month: m, ...now, yoyPct: base > 0 && !partial ? Math.round(((now.weightG - base) / base) * 1000) / 10 : null, partial };
  };

  test('wild mushrooms of Nanhua: month by month, a summer season, and the change on the year before', async () => {
    const res = await get(`/api/flows/seasonality?area=${NANHUA}&category=produce.wild_mushroom`, 'prefecture');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = seasonalityResponse.parse(res.body);
    const want = expectedSeason((e) => e.category === 'produce.wild_mushroom');
    expect({ sku: body.sku, category: body.category, name: body.name }).toEqual({ sku: null, category: 'produce.wild_mushroom', name: 'produce.wild_mushroom' });
    // Contract: every month from the first with upstream flows of the area to the last, empty months included.
    expect(body.months.map((m) => m.month)).toEqual(months(want.first, want.last));
    expect(body.months).toEqual(months(want.first, want.last).map((m) => row(want.byMonth, m)));
    // The season: June to September carry most of the weight, and a year-on-year change exists for summer 2025.
    const summer = body.months.filter((m) => ['06', '07', '08', '09'].includes(m.month.slice(5))).reduce((s, m) => s + m.weightG, 0);
    expect(summer / body.months.reduce((s, m) => s + m.weightG, 0)).toBeGreaterThan(0.5);
    expect(body.months.find((m) => m.month === '2025-07')!.yoyPct).not.toBeNull();
  });

  test('wild mushrooms of Nanhua, months where the product has flows: equal to the events, yoyPct where a base exists', async () => {
    // The same figures as above, restricted to the months that carry flows (independent of the range question).
    const body = seasonalityResponse.parse((await get(`/api/flows/seasonality?area=${NANHUA}&category=produce.wild_mushroom`, 'prefecture')).body);
    const want = expectedSeason((e) => e.category === 'produce.wild_mushroom');
    const withFlows = [...want.byMonth.keys()].sort();
    expect(body.months.filter((m) => m.orders > 0)).toEqual(withFlows.map((m) => row(want.byMonth, m)));
    expect(withFlows.filter((m) => row(want.byMonth, m).yoyPct !== null).length).toBeGreaterThan(0);
  });

  test('the month under way (2026-03 on the clock) is marked, with no change against the whole March before', async () => {
    // The product of Nanhua shipped most in March 2025 and again this March: a base exists.
    const inMonth = (m: string) => groupBy(up.filter((e) => e.originAreaCode.startsWith(NANHUA) && monthOf(e) === m), (e) => e.sku);
    const now = inMonth('2026-03');
    const [sku] = [...inMonth('2025-03')].filter(([k]) => now.has(k)).sort((a, b) => sum(b[1]).weightG - sum(a[1]).weightG)[0]!;
    const body = seasonalityResponse.parse((await get(`/api/flows/seasonality?area=${NANHUA}&sku=${sku}`, 'prefecture')).body);
    expect(body.months.at(-1)).toEqual({ month: '2026-03', ...sum(now.get(sku)!), yoyPct: null, partial: true });
    expect(body.months.filter((m) => m.partial).length).toBe(1);
    expect(body.months.find((m) => m.month === '2026-02')!.partial).toBe(false);
  });

  test('one product (matsutake of Nanhua), and the list of products to pick from', async () => {
    const sku = 'matsutake-nanhua-500g';
    const body = seasonalityResponse.parse((await get(`/api/flows/seasonality?area=${NANHUA}&sku=${sku}`, 'prefecture')).body);
    const want = expectedSeason((e) => e.sku === sku);
    expect({ sku: body.sku, category: body.category, name: body.name }).toEqual({ sku, category: null, name: PRODUCTS.get(sku)!.name });
    const withFlows = [...want.byMonth.keys()].sort();
    expect(withFlows.length).toBeGreaterThan(0);
    expect(body.months.filter((m) => m.orders > 0)).toEqual(withFlows.map((m) => row(want.byMonth, m)));
    const all = expectedSeason(() => true);
    expect([...body.products].sort(byKey((p) => p.sku)))
      .toEqual([...new Set(all.list.map((e) => e.sku))].sort().map((s) => ({ sku: s, name: PRODUCTS.get(s)!.name, category: PRODUCTS.get(s)!.category })));
  });
});

describe('downstream flows', () => {
  const RECEIVERS = new Set(['township_station', 'village_point', 'village_shop', 'convenience_store']);
  const STATIONS = new Set(['township_station', 'village_point']);

  test('Lufeng, 2025-12 to 2026-02, 14 days: by seller, by category (stations vs shops), restocks per village', async () => {
    const [area, from, to, days] = ['532302', '2025-12', '2026-02', 14] as const;
    const res = await get(`/api/flows/downstream?area=${area}&from=${from}&to=${to}&days=${days}`, 'lufeng');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = downstreamResponse.parse(res.body);

    const receivers = stores.filter((s) => s.areaCode.startsWith(area) && RECEIVERS.has(s.type));
    const ids = new Set(receivers.map((s) => s.id));
    const list = down.filter((e) => ids.has(e.destStoreId!) && monthOf(e) >= from && monthOf(e) <= to);
    expect(list.length).toBeGreaterThan(200);
    const top = (e: DistributionTxn) => e.category.split('.')[0]!;
    const asOf = list.map(dayOf).sort().at(-1)!;
    expect({ area: body.area.code, from: body.from, to: body.to, asOf: body.asOf }).toEqual({ area, from, to, asOf });
    expect(body.totals).toEqual(sum(list));
    expect(body.bySeller).toEqual([...groupBy(list, (e) => e.sellerId)]
      .map(([sellerId, l]) => ({ sellerId, name: STORE.get(sellerId)!.name, type: STORE.get(sellerId)!.type, ...sum(l) }))
      .sort(byValueThen((s) => s.sellerId)));
    expect(body.byCategory).toEqual([...groupBy(list, top)].map(([category, l]) => ({
      category,
      toStations: sum(l.filter((e) => STATIONS.has(STORE.get(e.destStoreId!)!.type))),
      toShops: sum(l.filter((e) => !STATIONS.has(STORE.get(e.destStoreId!)!.type))),
    })).sort(byKey((c) => c.category)));
    expect(body.byCategory.some((c) => c.toStations.orders > 0) && body.byCategory.some((c) => c.toShops.orders > 0)).toBe(true);

    // Villages: delivery days counted per shop and added up; the last delivery; days since, to asOf.
    // Of the outlets with shelves: a village logistics point keeps none and is never restocked.
    expect(list.some((e) => STORE.get(e.destStoreId!)!.type === 'village_point')).toBe(false);
    const shelves = receivers.filter((s) => s.type !== 'village_point');
    const villages = [...groupBy(shelves, (s) => s.areaCode)].map(([code, shops]) => {
      const got = shops.map((s) => list.filter((e) => e.destStoreId === s.id));
      const last = got.flat().map(dayOf).sort().at(-1) ?? null;
      return {
        code, name: AREA_NAME.get(code)!, township: AREA_NAME.get(code.slice(0, 9))!, shops: shops.length,
        deliveryDays: got.reduce((n, l) => n + new Set(l.map(dayOf)).size, 0),
        lastDelivery: last,
        daysSince: last === null ? null : Math.round((Date.parse(asOf) - Date.parse(last)) / 86_400_000),
      };
    }).sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || a.code.localeCompare(b.code));
    expect(body.villages).toEqual(villages);
    // No village is listed as never restocked: before, each village whose only outlet was a point was (33 in Lufeng).
    expect(body.villages.filter((v) => v.lastDelivery === null).map((v) => v.code)).toEqual([]);
    const stale = villages.filter((v) => v.lastDelivery === null || v.lastDelivery < addDays(asOf, -days)).length;
    expect(body.notRestocked).toBe(stale);
    // With 3 days instead of 14, more villages are listed as not restocked (shops restock weekly).
    const three = downstreamResponse.parse((await get(`/api/flows/downstream?area=${area}&from=${from}&to=${to}&days=3`, 'lufeng')).body);
    expect(three.notRestocked).toBe(villages.filter((v) => v.lastDelivery === null || v.lastDelivery < addDays(asOf, -3)).length);
    expect(three.notRestocked).toBeGreaterThan(stale);
  });

  test('a township: only its own stations and shops', async () => {
    const area = '532302101';
    const body = downstreamResponse.parse((await get(`/api/flows/downstream?area=${area}&from=2026-01&to=2026-03`, 'lufeng')).body);
    const ids = new Set(stores.filter((s) => s.areaCode.startsWith(area) && RECEIVERS.has(s.type)).map((s) => s.id));
    const list = down.filter((e) => ids.has(e.destStoreId!) && monthOf(e) >= '2026-01' && monthOf(e) <= '2026-03');
    expect(list.length).toBeGreaterThan(0);
    expect(body.totals).toEqual(sum(list));
  });
});

describe('parcels against online orders', () => {
  for (const area of ['532302', '532302101']) {
    test(`${area}, 2025-06 to 2026-03: parcels out at its stations beside the online upstream orders from it`, async () => {
      const res = await get(`/api/flows/parcels-vs-orders?area=${area}&from=2025-06&to=2026-03`, 'lufeng');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const body = parcelsVsOrdersResponse.parse(res.body);
      const want = months('2025-06', '2026-03').map((m) => {
        const parcelsOut = parcels.filter((p) => p.direction === 'out' && p.areaCode.startsWith(area) && p.day.slice(0, 7) === m)
          .reduce((s, p) => s + p.parcels, 0);
        const onlineOrders = up.filter((e) => e.channel === 'online' && e.originAreaCode.startsWith(area) && monthOf(e) === m).length;
        return { month: m, parcelsOut, onlineOrders, gap: parcelsOut - onlineOrders, ratio: onlineOrders > 0 ? Math.round((parcelsOut / onlineOrders) * 100) / 100 : null, partial: m === '2026-03' };
      });
      expect(want.reduce((s, m) => s + m.onlineOrders, 0)).toBeGreaterThan(0);
      expect(body).toEqual({ area: { code: area, name: AREA_NAME.get(area) }, from: '2025-06', to: '2026-03', months: want });
    });
  }
});

describe('traceability batches of the generated county', () => {
  const batchOf = (code: string) => up.filter((e) => e.traceBatch === code);
  const flagsOf = (l: DistributionTxn[]) => {
    const first = l.map(dayOf).sort()[0]!;
    const flags: string[] = [];
    const origins = new Set(l.map((e) => e.originAreaCode));
    if (origins.size > 1 || new Set(l.map((e) => e.sellerId)).size > 1 || new Set(l.map((e) => e.sku)).size > 1) flags.push('two_origins');
    if (sum(l).weightG > sum(l.filter((e) => dayOf(e) === first)).weightG) flags.push('over_weight');
    if (l.some((e) => !PRODUCTS.get(e.sku)?.originAreaCode)) flags.push('untraced_product');
    return flags;
  };

  test('the busiest batch of Lufeng: origin, seller, days, quantities, weights and destinations', async () => {
    const lufeng = groupBy(up.filter((e) => e.traceBatch && e.originAreaCode.startsWith('532302')), (e) => e.traceBatch!);
    const [code, l] = [...lufeng].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]!;
    expect(l.length).toBeGreaterThan(1);
    const res = await get(`/api/flows/batches/${code}`, 'lufeng');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = batchResponse.parse(res.body);
    const first = l.map(dayOf).sort()[0]!;
    const origins = [...new Set(l.map((e) => e.originAreaCode))].sort();
    const sellers = [...new Set(l.map((e) => e.sellerId))].sort();
    const products = [...groupBy(l, (e) => e.sku)].sort(([a], [b]) => a.localeCompare(b)).map(([sku, d]) => ({ sku, name: PRODUCTS.get(sku)!.name, qty: sum(d).qty }));
    expect(body).toEqual({
      code, products, origins, sellers, firstDay: first, lastDay: l.map(dayOf).sort().at(-1),
      firstDayWeightG: sum(l.filter((e) => dayOf(e) === first)).weightG, ...sum(l), flags: flagsOf(l),
      originNames: origins.map((c) => ({ code: c, name: AREA_NAME.get(c) })),
      sellerNames: sellers.map((id) => ({ id, name: STORE.get(id)!.name })),
      destinations: [...groupBy(l, (e) => e.destCityCode!)].map(([c, d]) => ({
        code: c, name: CITIES.get(c)!.name, province: CITIES.get(c)!.province, lon: CITIES.get(c)!.lon, lat: CITIES.get(c)!.lat, ...sum(d),
      })).sort((a, b) => b.weightG - a.weightG || a.code.localeCompare(b.code)),
      days: [...groupBy(l, dayOf)].map(([day, d]) => ({ day, ...sum(d) })).sort(byKey((d) => d.day)),
    });
  });

  test('the batches of Lufeng first recorded in 2025-12 to 2026-02: newest first, with their flags', async () => {
    const body = batchesResponse.parse((await get('/api/flows/batches?area=532302&from=2025-12&to=2026-02', 'lufeng')).body);
    const all = groupBy(up.filter((e) => e.traceBatch && e.originAreaCode.startsWith('532302')), (e) => e.traceBatch!);
    const want = [...all].map(([code, l]) => ({ code, first: l.map(dayOf).sort()[0]!, l }))
      .filter((b) => b.first >= '2025-12-01' && b.first < '2026-03-01')
      .sort((a, b) => b.first.localeCompare(a.first) || a.code.localeCompare(b.code));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThanOrEqual(500);
    expect(body.batches.map((b) => b.code)).toEqual(want.map((b) => b.code));
    expect(body.batches.map((b) => ({ ...sum([]), orders: b.orders, qty: b.qty, weightG: b.weightG, amountFen: b.amountFen, flags: b.flags })))
      .toEqual(want.map((b) => ({ ...sum(b.l), flags: flagsOf(b.l) })));
    expect({ total: body.total, flagged: body.flagged }).toEqual({ total: want.length, flagged: want.filter((b) => flagsOf(b.l).length > 0).length });
  });
});

describe('access and bad input', () => {
  const ROUTES = ['upstream', 'seasonality', 'downstream', 'batches', 'parcels-vs-orders'];

  test('a merchant is refused every flow route; an official outside their area too', async () => {
    for (const r of [...ROUTES, 'batches/CX-532302-250101-0001']) {
      const merchant = await get(`/api/flows/${r}`, 'merchant');
      expect(merchant.status, r).toBe(403);
      expect(merchant.body.error).toBe('forbidden');
      const outside = await get(`/api/flows/${r}?area=532301`, 'lufeng');
      expect(outside.status, r).toBe(403);
      const prefecture = await get(`/api/flows/${r}?area=5323`, 'chuxiong');
      expect(prefecture.status, r).toBe(403);
    }
  });

  test('an official is answered for their home area by default', async () => {
    const body = upstreamResponse.parse((await get('/api/flows/upstream', 'chuxiong')).body);
    expect(body.area.code).toBe('532301');
    expect(body.totals).toEqual(expectedUpstream('532301', '2025-04', '2026-03').totals);
  });

  test('400 naming the field: a month 2026-13, `to` before `from`, days=0, a bad batch code', async () => {
    const bad = async (path: string, field: string) => {
      const res = await get(path);
      expect({ path, status: res.status, field: res.body.field }).toEqual({ path, status: 400, field });
      expect(res.body.message).toMatch(new RegExp(`^${field}: `));
    };
    for (const r of ['upstream', 'downstream', 'batches', 'parcels-vs-orders']) {
      await bad(`/api/flows/${r}?from=2026-13`, 'from');
      await bad(`/api/flows/${r}?to=2026-00`, 'to');
    }
    await bad('/api/flows/downstream?days=0', 'days');
    await bad('/api/flows/downstream?days=366', 'days');
    await bad('/api/flows/batches/cx-lower-case', 'code');
    await bad('/api/flows/batches/AB', 'code');
    await bad('/api/flows/upstream?channel=mail', 'channel');
    await bad('/api/flows/seasonality?sku=a&category=produce', 'category');
    await bad('/api/flows/upstream?area=5301', 'area');
  });

  test('400 naming the field: `to` before `from`, on every route with a month range', async () => {
    const failures: string[] = [];
    for (const r of ['upstream', 'downstream', 'batches', 'parcels-vs-orders']) {
      const res = await get(`/api/flows/${r}?from=2026-03&to=2025-12`);
      if (res.status !== 400 || res.body.field !== 'from') failures.push(`${r}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });
});
