// The officials' figures on fifteen months of the simulated county, each recomputed here from the
// generated events by a second path (plain loops over the events and the model's reference, not
// the platform's SQL), and equal to the fen: month, year to date, growth, online merchants,
// proxy purchases, parcels, stations that did not report, coverage, unknown sellers, the national
// gaps against an uploaded national row, and the scorecard. Also 403 for another county.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnyEvent, DistributionTxn } from '../../../contracts/events.ts';
import { overviewResponse, scorecardResponse, stationsResponse, type IndicatorKey } from '../../../contracts/officials.ts';
import { parseShanghaiTime, shanghaiDay } from '../../../contracts/time.ts';
import { distributionRows } from '../../../ingest/rows.ts';
import { silentFrom } from '../../../ingest/sources/stores.ts';
import { readProducts, readTrainingSessions } from '../../../warehouse/reference-tables.ts';
import { openTestApp, type TestApp } from '../../fixtures/app.ts';
import { loadCounty } from '../../fixtures/county.ts';
import { areas, ROOT, stores } from '../../fixtures/warehouse.ts';

let t: TestApp;
let events: AnyEvent[];
const storeArea = new Map(stores.map((s) => [s.id, s.areaCode]));
const agricultural = new Map(readProducts(join(ROOT, 'reference/products.json')).map((p) => [p.sku, p.agricultural]));
const monthOf = (time: string) => shanghaiDay(parseShanghaiTime(time)).slice(0, 7);
const UNLISTED: DistributionTxn = {
  schemaVersion: 1, txnId: 'T-UNLISTED-1', occurredAt: '2026-03-12 10:00:00', sellerId: 'PS-UNLISTED-1', buyerId: 'C-1', direction: 'upstream',
  channel: 'online', platform: 'taobao', sku: 'walnut-500g', category: 'produce.nuts', quantity: 1, weightG: 500, amountFen: 12_345,
  originAreaCode: '532302101001', destCityCode: '530100',
};

beforeAll(async () => {
  // The data's version is read again only after a write through the API (or a minute): an answer
  // kept from before an upload would show.
  t = await openTestApp({ clock: () => Date.parse('2026-04-15T04:00:00Z'), limits: { dataVersionMs: 60_000 } });
  events = await loadCounty(t.wh, { from: '2025-01-01', to: '2026-03-31', scale: 0.03 });
  await t.wh.insert('distribution_txns', distributionRows(UNLISTED));
}, 120_000);
afterAll(() => t.close());

/** Township stations and village points in service on `day` (docs/indicators.md): open, not closed,
 *  and with a POS sale or parcel record in the 14 days before it, from the events alone. */
function inService(day: string) {
  const last = new Map<string, string>();
  const saw = (id: string, d: string) => { if (d <= day && d > (last.get(id) ?? '')) last.set(id, d); };
  for (const e of events) {
    if (e.kind === 'pos') saw(e.event.storeId, shanghaiDay(parseShanghaiTime(e.event.soldAt)));
    if (e.kind === 'parcel') saw(e.event.stationId, e.event.day);
  }
  const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
  return stores.filter((s) => (s.type === 'township_station' || s.type === 'village_point') && s.status !== 'closed' && s.openedOn <= day
    && last.has(s.id) && days(last.get(s.id)!, day) <= 14);
}

/** Where a recount counts an event: online sales by their seller, the others by the receipt's or
 *  parcel record's area (the township rollups) or by the store or station (the villages). */
interface Placing { seller: (id: string) => boolean; receipt: (r: { storeId: string; areaCode: string }) => boolean; parcel: (p: { stationId: string; areaCode: string }) => boolean }

/** Codes starting with `area`, as the events name them. */
const under = (area: string): Placing => ({
  seller: (id) => storeArea.get(id)?.startsWith(area) ?? false, receipt: (r) => r.areaCode.startsWith(area), parcel: (p) => p.areaCode.startsWith(area),
});

/** Registered at exactly `area`: a village's stores, or for a township its own share (the stores
 *  registered at the township, in no village). Below a township the platform places figures by
 *  where the store, station or seller is registered. */
const registeredAt = (area: string): Placing => ({
  seller: (id) => storeArea.get(id) === area, receipt: (r) => storeArea.get(r.storeId) === area, parcel: (p) => storeArea.get(p.stationId) === area,
});

/** The indicator's value per month for events placed by `place` (an area's codes by default), from the events alone. */
function monthly(area: string, place: Placing = under(area)): Record<IndicatorKey, Map<string, number>> {
  const out = { online_retail: new Map(), agri_online_retail: new Map(), online_merchants: new Map(), proxy_purchases: new Map(), parcels_out: new Map(), parcels_in: new Map() } as Record<IndicatorKey, Map<string, number>>;
  const add = (k: IndicatorKey, m: string, v: number) => out[k].set(m, (out[k].get(m) ?? 0) + v);
  const sellers = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.kind === 'distribution') {
      const d = e.event;
      if (d.channel !== 'online' || d.direction !== 'upstream' || !place.seller(d.sellerId)) continue;
      const m = monthOf(d.occurredAt);
      add('online_retail', m, d.amountFen);
      if (agricultural.get(d.sku)) add('agri_online_retail', m, d.amountFen);
      if (!sellers.has(m)) sellers.set(m, new Set());
      sellers.get(m)!.add(d.sellerId);
    } else if (e.kind === 'pos') {
      if (e.event.channel !== 'online_proxy' || !place.receipt(e.event)) continue;
      add('proxy_purchases', monthOf(e.event.soldAt), e.event.lines.reduce((s, l) => s + l.amountFen, 0));
    } else if (place.parcel(e.event)) {
      add(e.event.direction === 'out' ? 'parcels_out' : 'parcels_in', e.event.day.slice(0, 7), e.event.parcels);
    }
  }
  for (const [m, s] of sellers) out.online_merchants.set(m, s.size);
  return out;
}

/** Distinct online sellers of `area` (placed by `place`) over months [from, to]. */
function merchantsOver(area: string, from: string, to: string, place: Placing = under(area)): number {
  const s = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'distribution') continue;
    const d = e.event;
    const m = monthOf(d.occurredAt);
    if (d.channel === 'online' && d.direction === 'upstream' && place.seller(d.sellerId) && m >= from && m <= to) s.add(d.sellerId);
  }
  return s.size;
}

const sum = (m: Map<string, number>, months: string[]) => months.reduce((a, x) => a + (m.get(x) ?? 0), 0);
const pct = (a: number, b: number) => (b === 0 ? null : Math.round(((a - b) / b) * 1000) / 10);

async function overview(who: 'lufeng' | 'prefecture' | 'analyst', query = '') {
  const res = await (await t.agent(who)).get(`/api/official/overview${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return overviewResponse.parse(res.body);
}

describe('the overview of Lufeng for March 2026', () => {
  test('every indicator: month, year to date, the month before, a year before, and growth, equal to a recount of the events', async () => {
    const body = await overview('lufeng');
    expect(body.area).toEqual({ code: '532302', name: '禄丰市', level: 'county' });
    expect(body.month).toBe('2026-03'); // the last complete month: the clock says 2026-04-15
    expect([body.latestMonth, body.latestMonthInProgress]).toEqual(['2026-03', false]); // the events end in March
    const own = monthly('532302');
    const ytd = ['2026-01', '2026-02', '2026-03'];
    const lyYtd = ['2025-01', '2025-02', '2025-03'];
    for (const k of ['online_retail', 'agri_online_retail', 'proxy_purchases', 'parcels_out', 'parcels_in'] as const) {
      const f = body.indicators.find((i) => i.key === k)!;
      const expected = {
        month: own[k].get('2026-03') ?? 0, ytd: sum(own[k], ytd), previousMonth: own[k].get('2026-02') ?? 0,
        sameMonthLastYear: own[k].get('2025-03') ?? 0, ytdLastYear: sum(own[k], lyYtd),
      };
      expect({ month: f.month, ytd: f.ytd, previousMonth: f.previousMonth, sameMonthLastYear: f.sameMonthLastYear, ytdLastYear: f.ytdLastYear }, k).toEqual(expected);
      expect([f.momPct, f.yoyPct, f.ytdYoyPct], k).toEqual([pct(expected.month, expected.previousMonth), pct(expected.month, expected.sameMonthLastYear), pct(expected.ytd, expected.ytdLastYear)]);
      expect(expected.month, `${k} has data to compare`).toBeGreaterThan(0);
    }
    const m = body.indicators.find((i) => i.key === 'online_merchants')!;
    expect([m.month, m.ytd, m.previousMonth, m.sameMonthLastYear, m.ytdLastYear]).toEqual([
      merchantsOver('532302', '2026-03', '2026-03'), merchantsOver('532302', '2026-01', '2026-03'), merchantsOver('532302', '2026-02', '2026-02'),
      merchantsOver('532302', '2025-03', '2025-03'), merchantsOver('532302', '2025-01', '2025-03')]);
  });

  test('the townships: each one\'s month and year to date', async () => {
    const body = await overview('lufeng');
    expect(body.childLevel).toBe('township');
    expect(body.children.map((c) => c.code)).toEqual(areas.filter((a) => a.parentCode === '532302').map((a) => a.code));
    for (const child of body.children) {
      const own = monthly(child.code);
      expect(child.values.online_retail).toMatchObject({ month: own.online_retail.get('2026-03') ?? 0, ytd: sum(own.online_retail, ['2026-01', '2026-02', '2026-03']) });
      expect(child.values.parcels_in!.month, child.code).toBe(own.parcels_in.get('2026-03') ?? 0);
    }
  });

  test('each county and township says how many of its stations sent nothing in the month, from the events', async () => {
    // Stations due in March 2026 (township stations and village points, open by then, not closed)
    // with no receipt and no parcel record in it.
    const sent = new Set(events.flatMap((e) => (e.kind === 'pos' && monthOf(e.event.soldAt) === '2026-03' ? [e.event.storeId]
      : e.kind === 'parcel' && e.event.day.slice(0, 7) === '2026-03' && e.event.parcels > 0 ? [e.event.stationId] : [])));
    const due = stores.filter((s) => ['township_station', 'village_point'].includes(s.type) && s.status !== 'closed' && s.openedOn <= '2026-03-31');
    const silent = due.filter((s) => !sent.has(s.id));
    expect(silent.length, 'a station silent in March in the fixture').toBeGreaterThan(0);
    for (const area of ['5323', silent[0]!.areaCode.slice(0, 6)]) {
      const body = await overview('prefecture', `?area=${area}&month=2026-03`);
      const want = body.children.map((c) => [c.code, silent.filter((s) => s.areaCode.startsWith(c.code)).length]);
      expect(body.children.map((c) => [c.code, c.notReporting]), area).toEqual(want);
      expect(want.some(([, n]) => Number(n) > 0), area).toBe(true);
    }
    // The month under way (April on the clock's 15th) counts a station once it has been quiet for
    // more than 14 days: the data end on March 31st, so every station due in April has.
    // (Due by the clock's day, and quiet since opening when it never sent anything.)
    const april = stores.filter((s) => ['township_station', 'village_point'].includes(s.type) && s.status !== 'closed' && s.openedOn <= '2026-04-15');
    const lastDay = new Map<string, string>();
    for (const e of events) {
      const [id, day] = e.kind === 'pos' ? [e.event.storeId, shanghaiDay(parseShanghaiTime(e.event.soldAt))] : e.kind === 'parcel' ? [e.event.stationId, e.event.day] : [null, ''];
      if (id && day > (lastDay.get(id) ?? '')) lastDay.set(id, day);
    }
    const quiet = april.filter((s) => (lastDay.get(s.id) ?? s.openedOn) < '2026-04-01'); // 15 days or more before April 15th
    const body = await overview('prefecture', '?area=5323&month=2026-04');
    expect(body.children.map((c) => [c.code, c.notReporting])).toEqual(body.children.map((c) => [c.code, quiet.filter((s) => s.areaCode.startsWith(c.code)).length]));
    // Before the platform's data nothing was silent.
    expect((await overview('prefecture', '?area=5323&month=2024-06')).children.map((c) => c.notReporting)).toEqual(Array(10).fill(0));
  });

  test('no national figure for January-March 2026 yet: the gap says so instead of guessing, and names the last figure published', async () => {
    const f = (await overview('lufeng')).indicators.find((i) => i.key === 'online_retail')!;
    // The reference's latest year-to-date rows (shared/reference: NBS 2025 +8.6%, MOFCOM rural 2025
    // +6.7%); the county's 2025 growth is unknown, its data beginning in January 2025.
    const latest2025 = { periodStart: '2025-01', periodEnd: '2025-12', areaYoyPct: null, gapPp: null };
    expect(f.vsNational).toMatchObject({ missing: 'no_national_figure', series: 'national_online_retail', periodStart: '2026-01', periodEnd: '2026-03',
      latest: { ...latest2025, nationalYoyPct: 8.6, body: 'NBS', series: 'national_online_retail' } });
    expect(f.vsNationalRural).toMatchObject({ missing: 'no_national_figure', series: 'rural_online_retail', periodStart: '2026-01', periodEnd: '2026-03',
      latest: { ...latest2025, nationalYoyPct: 6.7, body: 'MOFCOM', series: 'rural_online_retail' } });
    const agri = (await overview('lufeng')).indicators.find((i) => i.key === 'agri_online_retail')!;
    expect(agri.vsNationalRural).toEqual({ missing: 'no_national_series' });
    expect((await overview('lufeng')).indicators.find((i) => i.key === 'parcels_in')!.vsNational).toBeNull();
  });

  test('a county official cannot see another county: 403 naming the scope', async () => {
    const res = await (await t.agent('lufeng')).get('/api/official/overview?area=532301');
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('area 532301 is outside your scope: area 532302 (禄丰市)');
  });
});

describe('a township\'s villages (Jinshan, Lufeng), March 2026', () => {
  const TOWNSHIP = '532302101';
  const KEYS = ['online_retail', 'agri_online_retail', 'online_merchants', 'proxy_purchases', 'parcels_out', 'parcels_in'] as const;

  test('each village\'s figures are its registered stores\' and stations\'; the township\'s own stores have a row; the rows add up to the township', async () => {
    const body = await overview('lufeng', `?area=${TOWNSHIP}&month=2026-03`);
    expect(body.childLevel).toBe('village');
    const villages = areas.filter((a) => a.parentCode === TOWNSHIP).map((a) => a.code);
    expect(villages.length).toBeGreaterThan(5);
    // The reference's villages, then the township's own share (its station, shops and cooperative).
    expect(body.children.map((c) => c.code)).toEqual([...villages, TOWNSHIP]);
    const own = body.children.find((c) => c.code === TOWNSHIP)!;
    expect(own.name).toBe(areas.find((a) => a.code === TOWNSHIP)!.name);
    // The villages have pages of their own; the township's own row is this page.
    expect(body.children.map((c) => c.listed)).toEqual([...villages.map(() => true), false]);
    const ytd = ['2026-01', '2026-02', '2026-03'];
    let someVillage = 0;
    for (const child of body.children) {
      const recount = monthly(child.code, registeredAt(child.code));
      for (const k of KEYS) {
        const v = child.values[k]!;
        const ytdRecount = k === 'online_merchants' ? merchantsOver(child.code, '2026-01', '2026-03', registeredAt(child.code)) : sum(recount[k], ytd);
        expect([v.month, v.ytd], `${child.code} ${k}`).toEqual([recount[k].get('2026-03') ?? 0, ytdRecount]);
        if (child.code !== TOWNSHIP) someVillage += v.month;
      }
    }
    expect(someVillage, 'the villages have figures of their own').toBeGreaterThan(0);
    // Flows that add up (distinct sellers do not) add up to the township's own figures.
    const township = monthly(TOWNSHIP);
    for (const k of ['online_retail', 'agri_online_retail', 'proxy_purchases', 'parcels_out', 'parcels_in'] as const) {
      const total = body.indicators.find((i) => i.key === k)!;
      expect(body.children.reduce((s, c) => s + c.values[k]!.month, 0), k).toBe(total.month);
      expect(total.month, k).toBe(township[k].get('2026-03') ?? 0);
    }
  });

  test('a village\'s own page: its figures and trend, the township in its path, no children', async () => {
    const village = stores.find((s) => s.type === 'village_point' && s.areaCode.startsWith(TOWNSHIP))!.areaCode;
    const body = await overview('lufeng', `?area=${village}&month=2026-03`);
    expect(body.area).toMatchObject({ code: village, level: 'village' });
    expect(body.path.map((p) => p.code)).toEqual(['5323', '532302', TOWNSHIP]);
    expect([body.childLevel, body.children]).toEqual([null, []]);
    const recount = monthly(village, registeredAt(village));
    for (const k of KEYS) expect(body.indicators.find((i) => i.key === k)!.month, k).toBe(recount[k].get('2026-03') ?? 0);
    expect(recount.parcels_in.get('2026-03') ?? 0, 'the village point delivered parcels').toBeGreaterThan(0);
    const trend = await (await t.agent('lufeng')).get(`/api/official/trend?area=${village}&indicator=parcels_in&months=3&to=2026-03`);
    expect(trend.status, JSON.stringify(trend.body)).toBe(200);
    expect(trend.body.months.map((m: { month: string; value: number }) => [m.month, m.value])).toEqual(['2026-01', '2026-02', '2026-03'].map((m) => [m, recount.parcels_in.get(m) ?? 0]));
  });

  test('a village of another county is outside a county official\'s scope; a 12-digit code that is not a village is refused naming the field', async () => {
    const other = areas.find((a) => a.level === 'village' && a.code.startsWith('532301'))!.code;
    const res = await (await t.agent('lufeng')).get(`/api/official/overview?area=${other}`);
    expect(res.status).toBe(403);
    const bad = await (await t.agent('lufeng')).get('/api/official/overview?area=532302101999');
    expect([bad.status, bad.body.field, bad.body.message]).toEqual([400, 'area', 'area: unknown area code 532302101999']);
  });
});

describe('the prefecture', () => {
  test('counties equal to the recount; a seller missing from the reference counts in the total, is listed, and is in no county', async () => {
    const body = await overview('prefecture', '?month=2026-03');
    const all = monthly('5323');
    const f = body.indicators.find((i) => i.key === 'online_retail')!;
    expect(f.month).toBe((all.online_retail.get('2026-03') ?? 0) + UNLISTED.amountFen);
    expect(body.unknownSellers).toEqual([{ sellerId: 'PS-UNLISTED-1', amountFen: 12_345, orders: 1 }]);
    expect(body.children).toHaveLength(10);
    for (const c of body.children) expect(c.values.online_retail!.month, c.code).toBe(monthly(c.code).online_retail.get('2026-03') ?? 0);
    expect(body.children.reduce((s, c) => s + c.values.online_retail!.month, 0)).toBe(f.month! - UNLISTED.amountFen);
    // Lufeng's own figures never include it.
    expect((await overview('lufeng')).indicators.find((i) => i.key === 'online_retail')!.month).toBe(monthly('532302').online_retail.get('2026-03') ?? 0);
  });

  test('a national row uploaded for January-March 2026: the gap in points, naming the row', async () => {
    const csv = ['body,series,period_start,period_end,value_100m_yuan,yoy_pct,source,confidence',
      'NBS,national_online_retail,2026-01,2026-03,35000,7.5,"NBS release 2026-04-16 (test)",official',
      'MOFCOM,rural_online_retail,2026-01,2026-03,6900,6,"MOFCOM (test)",repost'].join('\n');
    const earlier = await (await t.agent('lufeng')).get('/api/official/overview');
    expect(earlier.headers.etag).toBeTruthy();
    const res = await (await t.agent('prefecture')).put('/api/reference/national').send({ csv });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Asked again at once with the tag of the answer before the upload: a new answer, not a 304.
    const again = await (await t.agent('lufeng')).get('/api/official/overview').set('If-None-Match', earlier.headers.etag!);
    expect(again.status).toBe(200);
    expect(overviewResponse.parse(again.body)).toEqual(await overview('lufeng'));
    const body = await overview('lufeng');
    const own = monthly('532302').online_retail;
    const growth = pct(sum(own, ['2026-01', '2026-02', '2026-03']), sum(own, ['2025-01', '2025-02', '2025-03']))!;
    const f = body.indicators.find((i) => i.key === 'online_retail')!;
    expect(f.vsNational).toEqual({ gapPp: Math.round((growth - 7.5) * 10) / 10, nationalYoyPct: 7.5, body: 'NBS', series: 'national_online_retail',
      periodStart: '2026-01', periodEnd: '2026-03', source: 'NBS release 2026-04-16 (test)', confidence: 'official' });
    expect(f.vsNationalRural).toMatchObject({ gapPp: Math.round((growth - 6) * 10) / 10, body: 'MOFCOM', series: 'rural_online_retail' });
    // The replacement removed the committed rows: 2025's annual figures are gone from the table.
    const table = await (await t.agent('analyst')).get('/api/reference/national');
    expect(table.body.rows).toHaveLength(2);
  });

  test('only the prefecture\'s bureau may replace the national figures; a bad CSV names its line and column', async () => {
    const lufeng = await (await t.agent('lufeng')).put('/api/reference/national').send({ csv: 'x' });
    expect(lufeng.status).toBe(403);
    expect(lufeng.body.message).toBe('PUT /api/reference/national is for the whole of 5323; your scope is area 532302 (禄丰市)');
    const bad = await (await t.agent('prefecture')).put('/api/reference/national').send({
      csv: 'body,series,period_start,period_end,value_100m_yuan,yoy_pct,source,confidence\nNBS,national_online_retail,2026-01,2026-13,1,2,x,official' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'bad_request', field: 'csv', message: 'csv: line 2, period_end: must be a month YYYY-MM' });
  });
});

describe('stations', () => {
  test('each station\'s last report and days of silence at the end of February 2026, with March\'s data already in, as the events say', async () => {
    const res = await (await t.agent('prefecture')).get('/api/official/stations?month=2026-02');
    const body = stationsResponse.parse(res.body);
    const last = new Map<string, string>();
    const saw = (id: string, day: string) => { if (day <= '2026-02-28' && day > (last.get(id) ?? '')) last.set(id, day); };
    for (const e of events) {
      if (e.kind === 'pos') saw(e.event.storeId, shanghaiDay(parseShanghaiTime(e.event.soldAt)));
      if (e.kind === 'parcel') saw(e.event.stationId, e.event.day);
    }
    expect(body.stations.length).toBeGreaterThan(20);
    for (const s of body.stations) {
      const day = last.get(s.id) ?? null;
      expect([s.id, s.lastReport, s.daysSilent]).toEqual([s.id, day, day === null ? null : Math.round((Date.parse('2026-02-28') - Date.parse(day)) / 86_400_000)]);
    }
    expect(body.stations.some((s) => s.daysSilent !== null && s.daysSilent > 28)).toBe(true); // some went quiet well before
  });

  test('without a month, the stations open on the overview\'s month: the last complete one (March 2026, the clock says April 15th)', async () => {
    const agent = await t.agent('prefecture');
    const [plain, march] = await Promise.all([agent.get('/api/official/stations'), agent.get('/api/official/stations?month=2026-03')]);
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual(march.body);
  });

  test('who did not report in March 2026, completeness per county and coverage, as the events and the reference say', async () => {
    const res = await (await t.agent('prefecture')).get('/api/official/stations?month=2026-03');
    const body = stationsResponse.parse(res.body);
    const reported = new Set<string>();
    for (const e of events) {
      if (e.kind === 'pos' && monthOf(e.event.soldAt) === '2026-03') reported.add(e.event.storeId);
      if (e.kind === 'parcel' && e.event.day.startsWith('2026-03')) reported.add(e.event.stationId);
    }
    const expected = stores.filter((s) => (s.type === 'township_station' || s.type === 'village_point') && s.status !== 'closed' && s.openedOn <= '2026-03-31');
    expect([...body.notReporting].sort()).toEqual(expected.filter((s) => !reported.has(s.id)).map((s) => s.id).sort());
    // Stations that went silent before March are among them.
    const silentBefore = expected.filter((s) => { const from = silentFrom(s); return from !== null && from < '2026-03-01'; }).map((s) => s.id);
    expect(silentBefore.length).toBeGreaterThan(0);
    for (const id of silentBefore) expect(body.notReporting).toContain(id);
    // Silent: quiet more than 14 days on March 31st, since the last report or, never having sent
    // anything, since opening.
    const lastDay = new Map<string, string>();
    for (const e of events) {
      const [id, day] = e.kind === 'pos' ? [e.event.storeId, shanghaiDay(parseShanghaiTime(e.event.soldAt))] : e.kind === 'parcel' && e.event.parcels > 0 ? [e.event.stationId, e.event.day] : [null, ''];
      if (id && day <= '2026-03-31' && day > (lastDay.get(id) ?? '')) lastDay.set(id, day);
    }
    expect([...body.silent].sort()).toEqual(expected.filter((s) => (lastDay.get(s.id) ?? s.openedOn) < '2026-03-17').map((s) => s.id).sort());
    const lufeng = body.completeness.find((c) => c.countyCode === '532302')!;
    const lufengExpected = expected.filter((s) => s.areaCode.startsWith('532302'));
    expect(lufeng).toEqual({ countyCode: '532302', name: '禄丰市', expected: lufengExpected.length, reported: lufengExpected.filter((s) => reported.has(s.id)).length,
      pct: Math.round((lufengExpected.filter((s) => reported.has(s.id)).length / lufengExpected.length) * 1000) / 10 });
    const townships = areas.filter((a) => a.level === 'township');
    const villages = areas.filter((a) => a.level === 'village');
    const serving = inService('2026-03-31');
    const tc = new Set(serving.filter((s) => s.type === 'township_station').map((s) => s.areaCode.slice(0, 9)));
    const vc = new Set(serving.filter((s) => s.type === 'village_point').map((s) => s.areaCode));
    expect(body.coverage).toMatchObject({ townships: townships.length, townshipsCovered: townships.filter((x) => tc.has(x.code)).length,
      villages: villages.length, villagesCovered: villages.filter((x) => vc.has(x.code)).length });
  });
});

describe('stations below a county', () => {
  test('a township\'s and a village\'s page: completeness of the area itself, recounted from the events (the township\'s listed no row)', async () => {
    const reported = new Set<string>();
    for (const e of events) {
      if (e.kind === 'pos' && monthOf(e.event.soldAt) === '2026-03') reported.add(e.event.storeId);
      if (e.kind === 'parcel' && e.event.day.startsWith('2026-03')) reported.add(e.event.stationId);
    }
    const expected = (area: string) => stores.filter((s) => (s.type === 'township_station' || s.type === 'village_point') && s.status !== 'closed' && s.openedOn <= '2026-03-31' && s.areaCode.startsWith(area));
    const village = stores.find((s) => s.type === 'village_point' && s.areaCode.startsWith('532302101') && s.status !== 'closed')!.areaCode;
    for (const area of ['532302101', village]) {
      const body = stationsResponse.parse((await (await t.agent('lufeng')).get(`/api/official/stations?area=${area}&month=2026-03`)).body);
      const mine = expected(area);
      expect(mine.length, area).toBeGreaterThan(0);
      const n = mine.filter((s) => reported.has(s.id)).length;
      expect(body.completeness).toEqual([{ countyCode: area, name: areas.find((a) => a.code === area)!.name, expected: mine.length, reported: n, pct: Math.round((n / mine.length) * 1000) / 10 }]);
    }
  });
});

describe('the scorecard of Lufeng', () => {
  test('targets with actual and status, computed from the reference and the events', async () => {
    const res = await (await t.agent('lufeng')).get('/api/official/scorecard');
    const body = scorecardResponse.parse(res.body);
    const by = Object.fromEntries(body.targets.map((x) => [x.id, x]));
    expect(body.asOf).toBe('2026-03');
    expect([by.service_centre!.actual, by.service_centre!.status]).toEqual([1, 'met']);
    expect([by.logistics_warehouse!.actual, by.logistics_warehouse!.status]).toEqual([1, 'met']);
    expect([by.township_station_coverage!.actual, by.township_station_coverage!.status]).toEqual([100, 'met']);
    // Points in service at the end of March (reported in its last 14 days), not all 50 of the reference.
    const points = inService('2026-03-31').filter((s) => s.type === 'village_point' && s.areaCode.startsWith('532302'));
    expect(points.length).toBeLessThan(50);
    expect([by.village_points!.actual, by.village_points!.status]).toEqual([points.length, 'missed']);
    const villages = areas.filter((a) => a.level === 'village' && a.code.startsWith('532302')).length;
    const coveredVillages = new Set(points.map((s) => s.areaCode)).size;
    // Every target was due by 2022: one not met is "not met", no longer "behind".
    expect([by.village_coverage!.actual, by.village_coverage!.status]).toEqual([Math.round((coveredVillages / villages) * 1000) / 10, 'missed']);
    const training = readTrainingSessions(join(ROOT, 'reference/training-sessions.json')).filter((s) => s.areaCode.startsWith('532302') && s.date >= '2020-09-01' && s.date <= '2021-12-31');
    const trainees = training.reduce((s, x) => s + x.trainees, 0);
    expect(by.training_attendances!.actual).toBe(trainees);
    expect(by.training_attendances!.status).toBe(trainees >= 3000 ? 'met' : 'missed');
    expect(by.training_satisfaction!.actual).toBe(Math.round((training.reduce((s, x) => s + x.satisfied, 0) / trainees) * 1000) / 10);
    expect(by.training_conversion!.actual).toBe(Math.round((training.reduce((s, x) => s + x.converted, 0) / trainees) * 1000) / 10);
    // No March report by 15 April: not met (past the 10th, and the target was due 2022-12).
    expect([by.monthly_report!.actual, by.monthly_report!.status]).toEqual([0, 'missed']);
    const merchants = pct(merchantsOver('532302', '2026-01', '2026-03'), merchantsOver('532302', '2025-01', '2025-03'));
    expect(by.online_merchants_growth!.actual).toBe(merchants);
    expect(by.online_merchants_growth!.status).toBe(merchants !== null && merchants >= 10 ? 'met' : 'missed');
  });

  test('how each actual was computed, in the reader\'s words: series by name, months as a span, no codes', async () => {
    const body = scorecardResponse.parse((await (await t.agent('lufeng')).get('/api/official/scorecard')).body);
    const by = Object.fromEntries(body.targets.map((x) => [x.id, x]));
    // After the upload above: online retail has its national row, agricultural online retail has none.
    const own = monthly('532302').online_retail;
    const growth = pct(sum(own, ['2026-01', '2026-02', '2026-03']), sum(own, ['2025-01', '2025-02', '2025-03']))!;
    expect(by.online_retail_vs_national!.how).toEqual({
      zh: `2026年1-3月累计同比 ${growth}% 减全国 7.5%（国家统计局 全国网上零售额 2026年1-3月，NBS release 2026-04-16 (test)）`,
      en: `Jan–Mar 2026 growth ${growth}% minus national 7.5% (NBS national online retail Jan–Mar 2026, NBS release 2026-04-16 (test))`,
    });
    expect(by.agri_online_retail_vs_national!.how).toEqual({
      zh: '无法比较：暂无2026年1-3月全国农产品网络零售额数据',
      en: 'not comparable: no national agricultural online retail figure for Jan–Mar 2026 yet',
    });
    expect(by.online_merchants_growth!.how.en).toBe(`sellers with online retail in Jan–Mar 2026: ${merchantsOver('532302', '2026-01', '2026-03')}, a year before ${merchantsOver('532302', '2025-01', '2025-03')}`);
    const c = (await overview('lufeng')).completeness;
    expect(by.report_completeness!.labelEn).toBe('Station reporting completeness');
    expect(by.report_completeness!.how).toEqual({ zh: `2026年3月报送数据的站点 ${c.reported} / 应报站点 ${c.expected}`, en: `stations that reported in Mar 2026: ${c.reported} of ${c.expected}` });
    for (const x of body.targets) expect(x.how.zh, x.id).not.toMatch(/[a-z]+_[a-z_]+/);
  });

  test('judged on a chosen month: its figures and stations in service then; a month to come is a 400 naming it', async () => {
    const agent = await t.agent('lufeng');
    const body = scorecardResponse.parse((await agent.get('/api/official/scorecard?month=2026-02')).body);
    const by = Object.fromEntries(body.targets.map((x) => [x.id, x]));
    expect(body.asOf).toBe('2026-02');
    const points = inService('2026-02-28').filter((s) => s.type === 'village_point' && s.areaCode.startsWith('532302'));
    expect(by.village_points!.actual).toBe(points.length);
    expect(by.online_merchants_growth!.actual).toBe(pct(merchantsOver('532302', '2026-01', '2026-02'), merchantsOver('532302', '2025-01', '2025-02')));
    const later = await agent.get('/api/official/scorecard?month=2026-05');
    expect([later.status, later.body.field]).toEqual([400, 'month']);
    // In the plan's first months: the training sessions up to then, and that month's report.
    const early = Object.fromEntries(scorecardResponse.parse((await agent.get('/api/official/scorecard?month=2021-03')).body).targets.map((x) => [x.id, x]));
    const sessions = readTrainingSessions(join(ROOT, 'reference/training-sessions.json')).filter((x) => x.areaCode.startsWith('532302') && x.date >= '2020-09-01' && x.date <= '2021-03-31');
    expect(early.training_attendances!.actual).toBe(sessions.reduce((n, x) => n + x.trainees, 0));
    expect(early.monthly_report!.how.zh).toBe('2021-03 月通报尚未生成');
    // Not produced by its 10 April: not on track; the target itself was due later, so behind, not missed.
    expect(early.monthly_report!.status).toBe('behind');
    // Before the plan began nothing is on track or behind: met already, or nothing to judge.
    const before = scorecardResponse.parse((await agent.get('/api/official/scorecard?month=2019-01')).body).targets;
    expect(before.filter((x) => x.status !== 'met' && x.status !== 'no_data').map((x) => x.id)).toEqual([]);
  });

  test('a month before the data (which begin in January 2025): no actual for what the data would judge, and why; the overview reports no share', async () => {
    const agent = await t.agent('lufeng');
    const body = scorecardResponse.parse((await agent.get('/api/official/scorecard?month=2024-06')).body);
    const by = Object.fromEntries(body.targets.map((x) => [x.id, x]));
    // Stations looked silent, so out of service: 0 points, 0% coverage, "missed". Now nothing to judge on.
    for (const id of ['village_points', 'township_station_coverage', 'village_coverage', 'report_completeness', 'online_merchants_growth']) {
      expect({ id, actual: by[id]!.actual, status: by[id]!.status, how: by[id]!.how.zh }).toEqual({ id, actual: null, status: 'no_data', how: '平台数据自 2025-01 起，2024-06 无数据可据' });
    }
    // The county's service centre sends no data: counted from the register by its opening date, as before.
    expect(by.service_centre!.how.zh).toBe('在营的县级电商公共服务中心数（截至 2024-06）');
    // The training records have dates of their own: judged as before.
    const sessions = readTrainingSessions(join(ROOT, 'reference/training-sessions.json')).filter((x) => x.areaCode.startsWith('532302') && x.date >= '2020-09-01' && x.date <= '2021-12-31');
    expect(by.training_attendances!.actual).toBe(sessions.reduce((n, x) => n + x.trainees, 0));
    const overview = overviewResponse.parse((await agent.get('/api/official/overview?month=2024-06')).body);
    expect({ firstMonth: overview.firstMonth, pct: overview.completeness.pct, reported: overview.completeness.reported }).toEqual({ firstMonth: '2025-01', pct: null, reported: 0 });
    // The month the data begin is judged on them.
    expect(scorecardResponse.parse((await agent.get('/api/official/scorecard?month=2025-01')).body).targets.find((x) => x.id === 'report_completeness')!.actual).not.toBeNull();
  });

  test('an official edits a target; the scorecard judges against the new value', async () => {
    const agent = await t.agent('lufeng');
    const res = await agent.put('/api/official/targets/village_coverage?area=532302').send({ target: 25 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = scorecardResponse.parse((await agent.get('/api/official/scorecard')).body);
    expect(body.targets.find((x) => x.id === 'village_coverage')).toMatchObject({ target: 25, status: 'met' });
    expect((await (await t.agent('chuxiong')).put('/api/official/targets/village_coverage?area=532302').send({ target: 1 })).status).toBe(403);
  });

  test('a target below zero is a 400 naming it, and the target stays as it was', async () => {
    const agent = await t.agent('lufeng');
    const before = scorecardResponse.parse((await agent.get('/api/official/scorecard')).body).targets.find((x) => x.id === 'service_centre')!.target;
    const res = await agent.put('/api/official/targets/service_centre?area=532302').send({ target: -5 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'bad_request', field: 'target', message: 'target: must be 0 or more' });
    const after = scorecardResponse.parse((await agent.get('/api/official/scorecard')).body).targets.find((x) => x.id === 'service_centre')!.target;
    expect(after).toBe(before);
    // A gap to the national rate, in percentage points, may be set below zero: no more than 2 points under it.
    const gap = await agent.put('/api/official/targets/online_retail_vs_national?area=532302').send({ target: -2 });
    expect(gap.status, JSON.stringify(gap.body)).toBe(200);
    expect(gap.body).toMatchObject({ id: 'online_retail_vs_national', target: -2, unit: '百分点' });
    expect((await agent.put('/api/official/targets/online_retail_vs_national?area=532302').send({ target: 0 })).status).toBe(200);
  });
});

describe('the month under way (April 2026 on the app\'s clock)', () => {
  test('its figures so far, no growth and no national comparison: a part of a month against whole ones read as -100%', async () => {
    // One online sale of a Lufeng seller on 2 April, the month's only one (the county's events end in March).
    const seller = events.find((e) => e.kind === 'distribution' && e.event.channel === 'online' && e.event.direction === 'upstream'
      && storeArea.get(e.event.sellerId)?.startsWith('532302'))!.event as DistributionTxn;
    await t.wh.insert('distribution_txns', distributionRows({ ...seller, txnId: 'T-APRIL-1', occurredAt: '2026-04-02 09:00:00', amountFen: 50_000 }));
    // The data's version is read again after a minute: a new clock would do; asking for a month not asked before does too.
    const body = overviewResponse.parse((await (await t.agent('lufeng')).get('/api/official/overview?month=2026-04')).body);
    expect(body.monthInProgress).toBe(true);
    // The newest month with data is April, which the app's clock says is not over: said so.
    expect([body.latestMonth, body.latestMonthInProgress]).toEqual(['2026-04', true]);
    const f = body.indicators.find((i) => i.key === 'online_retail')!;
    expect(f.month).toBe(50_000);
    expect([f.momPct, f.yoyPct, f.ytdYoyPct]).toEqual([null, null, null]);
    // The national rows uploaded above (January-March 2026) are the last comparison to be made,
    // against the county's growth over the same months, recounted from the events.
    const own = monthly('532302').online_retail;
    const growth = pct(sum(own, ['2026-01', '2026-02', '2026-03']), sum(own, ['2025-01', '2025-02', '2025-03']))!;
    expect(f.vsNational).toEqual({ missing: 'month_in_progress', latest: { areaYoyPct: growth, gapPp: Math.round((growth - 7.5) * 10) / 10, nationalYoyPct: 7.5,
      body: 'NBS', series: 'national_online_retail', periodStart: '2026-01', periodEnd: '2026-03', source: 'NBS release 2026-04-16 (test)', confidence: 'official' } });
    expect(f.vsNationalRural).toMatchObject({ missing: 'month_in_progress', latest: { areaYoyPct: growth, gapPp: Math.round((growth - 6) * 10) / 10, nationalYoyPct: 6, periodEnd: '2026-03' } });
    for (const c of body.children) expect([c.code, c.values.online_retail!.yoyPct, c.values.online_retail!.ytdYoyPct]).toEqual([c.code, null, null]);
    // The scorecard on April: the stations are still reporting, so the share so far is not a miss.
    const april = scorecardResponse.parse((await (await t.agent('lufeng')).get('/api/official/scorecard?month=2026-04')).body).targets.find((x) => x.id === 'report_completeness')!;
    expect(april.actual).not.toBeNull();
    expect(april.actual!).toBeLessThan(april.target);
    expect(april.status).toBe('on_track');
    expect(april.how.zh).toMatch(/（本月尚未结束，报送仍在进行）$/);
    // March is over: its growth is computed as before.
    const march = overviewResponse.parse((await (await t.agent('lufeng')).get('/api/official/overview?month=2026-03')).body);
    expect(march.monthInProgress).toBe(false);
    expect(march.indicators.find((i) => i.key === 'online_retail')!.yoyPct).not.toBeNull();
  });
});
