// The merchants' workspace on thirteen months of the simulated county, as the 金山镇 station
// (ST-532302101) sees it. Every figure is recounted here from the generated events by plain loops
// (the stores reference from the model, not the warehouse), with the definitions of
// contracts/workspace.ts: ISO weeks from Monday, Shanghai time, k = 5 other outlets, k = 3
// distributors, quartiles type 7 (peers, sourcing) and weighted nearest rank (prices).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnyEvent } from '../../contracts/events.ts';
import { addDays, formatShanghaiTime, mondayOf, parseShanghaiTime } from '../../contracts/time.ts';
import {
  demandResponse, gapsResponse, peersResponse, pricesResponse, restockResponse, sourcingResponse, summaryResponse,
} from '../../contracts/workspace.ts';
import { openTestApp, type AccountKey, type TestApp } from '../fixtures/app.ts';
import { loadCounty } from '../fixtures/county.ts';
import { loneWeeks, periodRule, withheldWeeks } from '../fixtures/period-rule.ts';
import { stores } from '../fixtures/warehouse.ts';

const ME = 'ST-532302101'; // 金山镇 station, Lufeng
const JINSHAN = '532302101';
const LUFENG = '532302';
const K = 5;

let t: TestApp;
const agents = new Map<AccountKey, Awaited<ReturnType<TestApp['agent']>>>();

// ---- the events, flattened --------------------------------------------------------------------

interface Line { store: string; area: string; receipt: string; payment: string; day: string; week: string; weekday: number; hour: number; sku: string; category: string; qty: number; price: number; amount: number }
interface Delivery { seller: string; dest: string; day: string; week: string; sku: string; category: string; qty: number; amount: number }
interface Parcel { station: string; area: string; week: string; parcels: number }
const lines: Line[] = [];
const deliveries: Delivery[] = [];
const parcels: Parcel[] = [];
const storeOf = new Map(stores.map((s) => [s.id, s]));
let linesOf = new Map<string, Line[]>(); // by store
const salesOf = (id: string) => linesOf.get(id) ?? [];

/** Shanghai wall clock of an event time: day, its Monday, ISO weekday and hour. */
function when(time: string) {
  const wall = formatShanghaiTime(parseShanghaiTime(time));
  const day = wall.slice(0, 10);
  return { day, week: mondayOf(day), weekday: ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1, hour: Number(wall.slice(11, 13)) };
}

beforeAll(async () => {
  t = await openTestApp({ clock: () => Date.parse('2026-03-20T04:00:00Z') });
  const events: AnyEvent[] = await loadCounty(t.wh, { from: '2025-02-17', to: '2026-03-15', scale: 0.12 });
  for (const e of events) {
    if (e.kind === 'pos') {
      const r = e.event;
      const w = when(r.soldAt);
      for (const l of r.lines) {
        lines.push({ store: r.storeId, area: r.areaCode, receipt: r.receiptId, payment: r.payment, ...w, sku: l.sku, category: l.category, qty: l.quantity, price: l.unitPriceFen, amount: l.amountFen });
      }
    } else if (e.kind === 'distribution') {
      const d = e.event;
      if (d.direction !== 'downstream' || !d.destStoreId) continue;
      const w = when(d.occurredAt);
      deliveries.push({ seller: d.sellerId, dest: d.destStoreId, day: w.day, week: w.week, sku: d.sku, category: d.category, qty: d.quantity, amount: d.amountFen });
    } else if (e.event.direction === 'in') {
      parcels.push({ station: e.event.stationId, area: e.event.areaCode, week: mondayOf(e.event.day), parcels: e.event.parcels });
    }
  }
  linesOf = groupBy(lines, (l) => l.store);
  for (const who of ['merchant', 'merchant2', 'analyst'] as const) agents.set(who, await t.agent(who));
}, 180_000);
afterAll(() => t.close());

async function get(who: AccountKey, path: string) {
  const res = await agents.get(who)!.get(path);
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  return res.body as unknown;
}

// ---- small arithmetic, from the definitions ---------------------------------------------------

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
const pct = (now: number, base: number) => (base > 0 ? Math.round(((now - base) / base) * 1000) / 10 : null);
const top = (category: string) => category.split('.')[0]!;
const inRange = (week: string, from: string, to: string) => week >= from && week < to;
/** R type 7: linear interpolation between the closest ranks. */
function type7(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}
function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}
const byKey = (a: { row: string; col: string }, b: { row: string; col: string }) => `${a.row}|${a.col}`.localeCompare(`${b.row}|${b.col}`);

// ---- 1. My store ------------------------------------------------------------------------------

const W = '2026-03-09'; // the week of the station's last sale

function totals(ids: string[], week: string) {
  const mine = ids.flatMap(salesOf).filter((l) => l.week === week);
  const amountFen = sum(mine, (l) => l.amount);
  const receipts = new Set(mine.map((l) => l.receipt)).size;
  return { start: week, amountFen, qty: sum(mine, (l) => l.qty), receipts, basketFen: receipts > 0 ? Math.round(amountFen / receipts) : null };
}

describe('summary: my store this week, last week and a year before', () => {
  test('totals, a category, the fast and slow movers and the payment mix equal the recount', async () => {
    const body = summaryResponse.parse(await get('merchant', `/api/workspace/${ME}/summary`));
    const mine = salesOf(ME);
    expect(body.week).toBe(W);
    expect(body.lastSaleDay).toBe(mine.map((l) => l.day).sort().at(-1));
    expect(body.thisWeek).toEqual(totals([ME], W));
    expect(body.lastWeek).toEqual(totals([ME], addDays(W, -7)));
    expect(body.lastYear).toEqual(totals([ME], '2025-03-10')); // 52 weeks (364 days) before
    expect(body.thisWeek.receipts).toBeGreaterThan(5);

    // The week's largest category, and every category of the week.
    const cats = [...groupBy(mine.filter((l) => l.week === W), (l) => top(l.category)).keys()].map((c) => {
      const of = (week: string) => sum(mine.filter((l) => l.week === week && top(l.category) === c), (l) => l.amount);
      return { category: c, thisFen: of(W), lastWeekFen: of(addDays(W, -7)), lastYearFen: of('2025-03-10'), qty: sum(mine.filter((l) => l.week === W && top(l.category) === c), (l) => l.qty) };
    }).sort((a, b) => b.thisFen - a.thisFen || a.category.localeCompare(b.category));
    expect(body.categories).toEqual(cats);

    // Movers: units over the 4 weeks up to W, against the 4 before, among the products of 12 weeks.
    const last12 = mine.filter((l) => inRange(l.week, addDays(W, -77), addDays(W, 7)));
    const movers = [...groupBy(last12, (l) => l.sku)].map(([sku, ls]) => {
      const now = ls.filter((l) => l.week >= addDays(W, -21));
      const before = ls.filter((l) => inRange(l.week, addDays(W, -49), addDays(W, -21)));
      return { sku, category: ls[0]!.category, qty4w: sum(now, (l) => l.qty), qtyPrev4w: sum(before, (l) => l.qty), amount4wFen: sum(now, (l) => l.amount), growthPct: pct(sum(now, (l) => l.qty), sum(before, (l) => l.qty)) };
    });
    const fast = [...movers].sort((a, b) => b.qty4w - a.qty4w || b.amount4wFen - a.amount4wFen || a.sku.localeCompare(b.sku)).slice(0, 10);
    const slow = [...movers].sort((a, b) => a.qty4w - b.qty4w || a.amount4wFen - b.amount4wFen || a.sku.localeCompare(b.sku)).slice(0, 10);
    expect(body.fastMovers.map(({ name: _, ...m }) => m)).toEqual(fast);
    expect(body.slowMovers.map(({ name: _, ...m }) => m)).toEqual(slow);
    expect(fast[0]!.qty4w).toBeGreaterThan(0);

    // This week's products by sales.
    const skus = [...groupBy(mine.filter((l) => l.week === W), (l) => l.sku)].map(([sku, ls]) => {
      const lw = mine.filter((l) => l.week === addDays(W, -7) && l.sku === sku);
      return { sku, category: ls[0]!.category, qty: sum(ls, (l) => l.qty), amountFen: sum(ls, (l) => l.amount), lastWeekQty: sum(lw, (l) => l.qty), lastWeekFen: sum(lw, (l) => l.amount) };
    }).sort((a, b) => b.amountFen - a.amountFen || a.sku.localeCompare(b.sku)).slice(0, 50);
    expect(body.skus.map(({ name: _, ...s }) => s)).toEqual(skus);

    // Payment mix: receipts of the week by payment.
    const receipts = [...new Map(mine.filter((l) => l.week === W).map((l) => [l.receipt, l])).values()];
    const pays = [...groupBy(receipts, (r) => r.payment)].map(([payment, rs]) => ({
      payment, receipts: rs.length, amountFen: sum(mine.filter((l) => l.week === W && l.payment === payment), (l) => l.amount),
      sharePct: Math.round((rs.length / receipts.length) * 1000) / 10,
    })).sort((a, b) => b.receipts - a.receipts || a.payment.localeCompare(b.payment));
    expect(body.payments).toEqual(pays);
  });

  test('a distributor with two stores in two counties sees them together: the sum of both', async () => {
    const both = ['ST-532302102', 'ST-532301101'];
    const body = summaryResponse.parse(await get('merchant2', `/api/workspace/${both.join(',')}/summary?week=${W}`));
    expect(body.stores.map((s) => s.id)).toEqual(both);
    for (const [period, week] of [['thisWeek', W], ['lastWeek', addDays(W, -7)], ['lastYear', '2025-03-10']] as const) {
      const a = totals([both[0]!], week);
      const b = totals([both[1]!], week);
      expect(a.receipts * b.receipts).toBeGreaterThan(0); // both stores sold that week
      expect(body[period]).toEqual(totals(both, week));
      expect(body[period].amountFen).toBe(a.amountFen + b.amountFen);
      expect(body[period].receipts).toBe(a.receipts + b.receipts);
    }
    // Each alone, as the API gives it, adds up to the pair.
    const one = summaryResponse.parse(await get('merchant2', `/api/workspace/${both[0]}/summary?week=${W}`));
    const two = summaryResponse.parse(await get('merchant2', `/api/workspace/${both[1]}/summary?week=${W}`));
    expect(body.thisWeek.qty).toBe(one.thisWeek.qty + two.thisWeek.qty);
    expect(body.thisWeek.amountFen).toBe(one.thisWeek.amountFen + two.thisWeek.amountFen);
  });
});

// ---- 2. Demand around me ----------------------------------------------------------------------

interface Cell { row: string; col: string; outlets: number; own: number; qty: number; amount: number }
const visible = (c: { outlets: number; own: number }) => c.outlets - c.own >= K || c.outlets === c.own;

/** Cells of (row, week) from records with an outlet, a quantity and an amount. */
function cells<T>(xs: readonly T[], row: (x: T) => string, col: (x: T) => string, outlet: (x: T) => string, qty: (x: T) => number, amount: (x: T) => number, own: string[]): Cell[] {
  return [...groupBy(xs, (x) => `${row(x)}|${col(x)}`)].map(([key, list]) => {
    const outlets = new Set(list.map(outlet));
    const [r, c] = key.split('|') as [string, string];
    return { row: r, col: c, outlets: outlets.size, own: own.filter((o) => outlets.has(o)).length, qty: sum(list, qty), amount: sum(list, amount) };
  });
}

/** Primary suppression, then per week column with exactly one withheld cell its smallest other
 *  (not the caller's alone) cell too. */
function withheldOf(cs: Cell[]): Set<Cell> {
  const out = new Set(cs.filter((c) => !visible(c)));
  for (const column of groupBy(cs, (c) => c.col).values()) {
    if (column.filter((c) => out.has(c)).length !== 1) continue;
    const next = column.filter((c) => !out.has(c) && c.outlets !== c.own).sort((a, b) => a.amount - b.amount || a.row.localeCompare(b.row))[0];
    if (next) out.add(next);
  }
  return out;
}

const FROM = '2025-12-22'; // 12 weeks to 2026-03-16, the Monday after the last sale
const TO = '2026-03-16';
const villageOrTownship = (area: string) => (area.length === 12 ? area : area.slice(0, 9));

function expectedCells(cs: Cell[], value: (c: Cell) => number | null, withheld = withheldOf(cs)) {
  // A withheld cell says why (fewer than K others, or hidden against subtraction), not its outlets.
  return cs.map((c) => ({
    row: c.row, col: c.col, value: withheld.has(c) ? null : value(c), outlets: withheld.has(c) ? null : c.outlets, withheld: withheld.has(c),
    withheldWhy: withheld.has(c) ? (c.outlets - c.own >= K ? 'subtraction' : 'outlets') : null,
  })).sort(byKey);
}

async function demand(query: string) {
  const body = demandResponse.parse(await get('merchant', `/api/workspace/${ME}/demand?${query}`));
  expect([body.from, body.to]).toEqual([FROM, TO]);
  return { ...body, cells: [...body.cells].sort(byKey) };
}

describe('demand around me', () => {
  const posIn = (township: string | null, from = FROM) => lines.filter((l) => inRange(l.week, from, TO) && (township === null ? l.area.startsWith(LUFENG) : l.area.startsWith(township)));

  test('shop sales by village of the cluster and week: values, and the withheld cells are the rule applied to the recount', async () => {
    const cs = cells(posIn(JINSHAN), (l) => villageOrTownship(l.area), (l) => l.week, (l) => l.store, (l) => l.qty, (l) => l.amount, [ME]);
    const body = await demand('view=area&scope=cluster&stream=pos&measure=value');
    expect(body.area).toEqual({ code: JINSHAN, name: '金山镇' });
    expect(body.cells).toEqual(expectedCells(cs, (c) => c.amount));
    // The station's own township row, shown where only it sold or 5 others did.
    const own = body.cells.filter((c) => c.row === JINSHAN);
    expect(own.length).toBe(12);
    expect(body.rows.find((r) => r.key === JINSHAN)!.own).toBe(true);
    // Villages have one or two shops: each of their cells is withheld.
    expect(body.cells.filter((c) => c.row.length === 12).every((c) => c.withheld)).toBe(true);
    const units = await demand('view=area&scope=cluster&stream=pos&measure=units');
    expect(units.cells).toEqual(expectedCells(cs, (c) => c.qty));
  });

  test('county by township: value, units, per store, and growth on the week 364 days before', async () => {
    const cs = cells(posIn(LUFENG), (l) => l.area.slice(0, 9), (l) => l.week, (l) => l.store, (l) => l.qty, (l) => l.amount, [ME]);
    expect(cs.filter((c) => visible(c)).length).toBe(cs.length); // every township has 5 other shops
    expect((await demand('scope=county')).cells).toEqual(expectedCells(cs, (c) => c.amount));
    expect((await demand('scope=county&measure=units')).cells).toEqual(expectedCells(cs, (c) => c.qty));
    const perStore = await demand('scope=county&measure=per_store');
    expect(perStore.cells).toEqual(expectedCells(cs, (c) => Math.round((c.amount / c.outlets) * 100) / 100));

    const ly = cells(posIn(LUFENG, addDays(FROM, -364)).filter((l) => l.week < addDays(TO, -364)),
      (l) => l.area.slice(0, 9), (l) => addDays(l.week, 364), (l) => l.store, (l) => l.qty, (l) => l.amount, [ME]);
    const before = new Map(ly.map((c) => [`${c.row}|${c.col}`, c]));
    // A year before's cell withheld in its own week, by either stage, gives no growth: the rate
    // and this year's figure would give it back.
    const lyWithheld = withheldOf(ly);
    const yoy = await demand('scope=county&measure=yoy');
    const want = expectedCells(cs, (c) => {
      const b = before.get(`${c.row}|${c.col}`);
      return b && !lyWithheld.has(b) ? pct(c.amount, b.amount) : null;
    });
    expect(yoy.cells).toEqual(want);
    // One cell spelled out: 仁兴镇 in the last week against the week of 2025-03-10.
    const cell = cs.find((c) => c.row === '532302102' && c.col === W)!;
    const base = before.get(`532302102|${W}`)!;
    expect(visible(cell) && visible(base)).toBe(true);
    expect(yoy.cells.find((c) => c.row === '532302102' && c.col === W)!.value).toBe(pct(cell.amount, base.amount));
    expect(want.filter((c) => c.value !== null).length).toBeGreaterThan(20);
  });

  test('the cluster by top-level category and week', async () => {
    const cs = cells(posIn(JINSHAN), (l) => top(l.category), (l) => l.week, (l) => l.store, (l) => l.qty, (l) => l.amount, [ME]);
    const body = await demand('view=category');
    expect(body.cells).toEqual(expectedCells(cs, (c) => c.amount));
    expect(body.cells.some((c) => !c.withheld)).toBe(true);
  });

  test('weekday x hour of the cluster: own stores assumed among the outlets, no complement', async () => {
    const cs = cells(posIn(JINSHAN), (l) => String(l.weekday), (l) => String(l.hour), (l) => l.store, (l) => l.qty, (l) => l.amount, [ME])
      .map((c) => ({ ...c, own: 1 })); // the rollup says how many stores, not whose
    const body = await demand('view=hour');
    const hidden = new Set(cs.filter((c) => c.outlets - 1 < K));
    expect(body.cells).toEqual(expectedCells(cs, (c) => c.amount, hidden));
    expect(body.cells.filter((c) => !c.withheld).length).toBeGreaterThan(10);
  });

  test('weekday x hour of one category: that category\'s figures, or a 400 naming the field', async () => {
    const res = await agents.get('merchant')!.get(`/api/workspace/${ME}/demand?view=hour&category=grain_oil`);
    if (res.status === 400) return expect(res.body.field).toBe('category');
    const body = demandResponse.parse(res.body);
    expect(body.category).toBe('grain_oil');
    const cs = cells(posIn(JINSHAN).filter((l) => top(l.category) === 'grain_oil'), (l) => String(l.weekday), (l) => String(l.hour), (l) => l.store, (l) => l.qty, (l) => l.amount, [ME])
      .map((c) => ({ ...c, own: 1 }));
    expect([...body.cells].sort(byKey)).toEqual(expectedCells(cs, (c) => c.amount, new Set(cs.filter((c) => c.outlets - 1 < K))));
  });

  test('deliveries into the shops of the cluster, by the receiving shop\'s village', async () => {
    const into = deliveries.filter((d) => inRange(d.week, FROM, TO) && storeOf.get(d.dest)!.areaCode.startsWith(JINSHAN));
    const cs = cells(into, (d) => villageOrTownship(storeOf.get(d.dest)!.areaCode), (d) => d.week, (d) => d.dest, (d) => d.qty, (d) => d.amount, [ME]);
    expect(cs.some((c) => c.own === 1)).toBe(true); // the station is restocked too
    expect((await demand('stream=deliveries')).cells).toEqual(expectedCells(cs, (c) => c.amount));
    const county = deliveries.filter((d) => inRange(d.week, FROM, TO) && storeOf.get(d.dest)!.areaCode.startsWith(LUFENG));
    const ccs = cells(county, (d) => storeOf.get(d.dest)!.areaCode.slice(0, 9), (d) => d.week, (d) => d.dest, (d) => d.qty, (d) => d.amount, [ME]);
    expect((await demand('stream=deliveries&scope=county&measure=units')).cells).toEqual(expectedCells(ccs, (c) => c.qty));
    const cat = cells(into, (d) => top(d.category), (d) => d.week, (d) => d.dest, (d) => d.qty, (d) => d.amount, [ME]);
    expect((await demand('stream=deliveries&view=category')).cells).toEqual(expectedCells(cat, (c) => c.amount));
  });

  test('parcels delivered at the stations of the county, per station', async () => {
    const county = parcels.filter((p) => inRange(p.week, FROM, TO) && p.area.startsWith(LUFENG));
    const cs = cells(county, (p) => p.area.slice(0, 9), (p) => p.week, (p) => p.station, (p) => p.parcels, (p) => p.parcels, [ME]);
    expect((await demand('stream=parcels&scope=county')).cells).toEqual(expectedCells(cs, (c) => c.amount));
    expect((await demand('stream=parcels&scope=county&measure=per_store')).cells)
      .toEqual(expectedCells(cs, (c) => Math.round((c.amount / c.outlets) * 100) / 100));
    const cluster = cells(county.filter((p) => p.area.startsWith(JINSHAN)), (p) => villageOrTownship(p.area), (p) => p.week, (p) => p.station, (p) => p.parcels, (p) => p.parcels, [ME]);
    expect((await demand('stream=parcels')).cells).toEqual(expectedCells(cluster, (c) => c.amount));
  });
});

// ---- 3. What sells nearby that I don't stock --------------------------------------------------

/** Periods of 4 weeks counted from Monday 2000-01-03: TO (2026-03-16) falls in the one that starts
 *  2026-02-23 (341 x 28 days after), so the area's figures over weeks end there. */
const PERIOD_TO = '2026-02-23';

describe('gaps: sold nearby, not on my receipts in the last two 4-week periods', () => {
  test.each(['cluster', 'county'] as const)('%s: items, their outlets, sales and growth; those of fewer than 5 outlets, or failing the period rule, left out', async (scope) => {
    const to = PERIOD_TO;
    const from = addDays(to, -56);
    const prev = addDays(from, -56);
    const area = scope === 'cluster' ? JINSHAN : LUFENG;
    const county = lines.filter((l) => l.area.startsWith(LUFENG) && l.store !== ME && inRange(l.week, prev, to));
    const others = county.filter((l) => l.area.startsWith(area));
    // The weeks the demand grid withholds for me, each leaf and top-level category of the 16 weeks:
    // the township's row of the county by township, or the county's own cells (its category row).
    const lone = new Set<string>();
    const anyWithheld = new Set<string>();
    for (const category of new Set(others.flatMap((l) => [l.category, l.category.split('.')[0]!]))) {
      const view = scope === 'cluster' ? 'view=area' : 'view=category';
      const grid = demandResponse.parse(await get('merchant', `/api/workspace/${ME}/demand?${view}&scope=county&weeks=16&to=${to}&category=${category}`));
      expect([grid.from, grid.to]).toEqual([prev, to]);
      const cells = grid.cells.filter((c) => scope === 'county' || c.row === JINSHAN);
      for (const k of loneWeeks(category, cells, prev)) lone.add(k);
      for (const k of withheldWeeks(category, cells, prev)) anyWithheld.add(k);
    }
    expect(lone.size).toBeGreaterThan(0);
    const rule = periodRule(county, area, prev, lone, anyWithheld);
    const mine = salesOf(ME).filter((l) => inRange(l.week, from, to));
    const mySkus = new Set(mine.map((l) => l.sku));
    const myCats = new Set(mine.map((l) => l.category));
    let withheld = 0;
    let byRule = 0;
    const items = (key: (l: Line) => string, skip: Set<string>, passes: (k: string, ps: number[]) => boolean) => [...groupBy(others, key)].flatMap(([k, ls]) => {
      const now = ls.filter((l) => l.week >= from);
      const amountFen = sum(now, (l) => l.amount);
      if (skip.has(k) || amountFen === 0) return [];
      const outlets = new Set(now.map((l) => l.store)).size;
      if (outlets < K || !passes(k, [2, 3])) { withheld++; if (outlets >= K) byRule++; return []; }
      // Growth only where 5 other outlets sold it in the 8 weeks before too, by the same rule: else it gives their sales away.
      const before = ls.filter((l) => l.week < from);
      const growthPct = new Set(before.map((l) => l.store)).size >= K && passes(k, [0, 1]) ? pct(amountFen, sum(before, (l) => l.amount)) : null;
      return [{ key: k, category: ls[0]!.category, amountFen, qty: sum(now, (l) => l.qty), outlets, growthPct }];
    }).sort((a, b) => b.amountFen - a.amountFen || a.key.localeCompare(b.key));
    const categories = items((l) => l.category, myCats, rule.category).map(({ key: _, ...c }) => c);
    const skus = items((l) => l.sku, mySkus, rule.product).slice(0, 30).map(({ key, ...s }) => ({ sku: key, ...s }));

    const body = gapsResponse.parse(await get('merchant', `/api/workspace/${ME}/gaps?scope=${scope}`));
    expect([body.from, body.to]).toEqual([from, to]);
    // The county lists products; the cluster (one township's dozen shops) may hold every one back,
    // period by period: the recount says which, and there is something it withheld.
    if (scope === 'county') expect(body.skus.length).toBeGreaterThan(0);
    expect(withheld).toBeGreaterThan(0);
    expect(body.skus.map(({ name: _, ...s }) => s)).toEqual(skus);
    expect(body.categories).toEqual(categories);
    expect(body.withheld).toBe(withheld);
    // The rule takes out items that 5 other outlets sold over the 8 weeks, here too.
    expect(byRule).toBeGreaterThan(0);
    // None of them is on the station's receipts of the 8 weeks.
    expect(body.skus.filter((s) => mySkus.has(s.sku))).toEqual([]);
  });
});

// ---- 4. Price bands ---------------------------------------------------------------------------

/** The smallest price at which the units counted from the cheapest reach p of all. */
function nearestRank(pairs: { price: number; qty: number }[], p: number): number {
  const total = sum(pairs, (x) => x.qty);
  let run = 0;
  for (const x of pairs) if ((run += x.qty) >= p * total) return x.price;
  return pairs.at(-1)!.price;
}

describe('prices', () => {
  test('county: the best seller\'s quartiles and bands over the other outlets\' units, and where my price sits', async () => {
    const TO = PERIOD_TO;
    const from = addDays(TO, -56);
    const mine = salesOf(ME).filter((l) => inRange(l.week, from, TO));
    const best = [...groupBy(mine, (l) => l.sku)].map(([sku, ls]) => ({ sku, fen: sum(ls, (l) => l.amount) }))
      .sort((a, b) => b.fen - a.fen || a.sku.localeCompare(b.sku))[0]!.sku;
    const others = lines.filter((l) => l.sku === best && l.store !== ME && l.area.startsWith(LUFENG) && inRange(l.week, from, TO));
    const pairs = [...groupBy(others, (l) => String(l.price))].map(([p, ls]) => ({ price: Number(p), qty: sum(ls, (l) => l.qty) })).sort((a, b) => a.price - b.price);
    const outlets = new Set(others.map((l) => l.store)).size;
    expect(outlets).toBeGreaterThanOrEqual(K);
    // and it passes the period rule in both 4-week periods (the cluster's case below does not).
    expect(periodRule(others, LUFENG, from).product(best, [0, 1])).toBe(true);

    // Eight equal bands from the lowest to the highest price, whole jiao wide; then, from the lowest
    // up, neighbours joined until a band has K outlets (a short last one joins the one before).
    const lo = pairs[0]!.price;
    const hi = pairs.at(-1)!.price;
    const width = Math.ceil((hi - lo + 1) / 8 / 10) * 10;
    const equal = Array.from({ length: 8 }, (_, i) => ({ lowFen: lo + i * width, highFen: Math.min(hi, lo + (i + 1) * width - 1), qty: 0, shops: new Set<string>() })).filter((b) => b.lowFen <= hi);
    for (const l of others) {
      const b = equal.find((x) => l.price >= x.lowFen && l.price <= x.highFen)!;
      b.qty += l.qty;
      b.shops.add(l.store);
    }
    const groups: (typeof equal)[] = [];
    let group: typeof equal = [];
    for (const b of equal) {
      group.push(b);
      if (new Set(group.flatMap((x) => [...x.shops])).size >= K) { groups.push(group); group = []; }
    }
    if (group.length > 0) groups.length > 0 ? groups.at(-1)!.push(...group) : groups.push(group);
    const bands = groups.map((g) => ({ lowFen: g[0]!.lowFen, highFen: g.at(-1)!.highFen, qty: sum(g, (b) => b.qty) }));
    expect(bands.length).toBeGreaterThan(1); // the county's best seller has bands to join, and some left

    const myLines = mine.filter((l) => l.sku === best);
    const myQty = sum(myLines, (l) => l.qty);
    const myPrice = Math.round(sum(myLines, (l) => l.price * l.qty) / myQty);
    const total = sum(pairs, (p) => p.qty);
    const below = sum(pairs.filter((p) => p.price < myPrice), (p) => p.qty);

    const body = pricesResponse.parse(await get('merchant', `/api/workspace/${ME}/prices?scope=county`));
    expect([body.sku, body.from, body.to, body.outlets, body.withheld, body.reason, body.leftOut]).toEqual([best, from, TO, outlets, false, null, 0]);
    expect(body.quartiles).toEqual({ p25: nearestRank(pairs, 0.25), median: nearestRank(pairs, 0.5), p75: nearestRank(pairs, 0.75) });
    expect(body.bands).toEqual(bands);
    expect(sum(body.bands, (b) => b.qty)).toBe(total);
    expect(body.mine).toEqual({ priceFen: myPrice, qty: myQty, belowPct: Math.round((below / total) * 1000) / 10 });
  });

  test.each([8, 24])('cluster, %i weeks: the best seller withheld, for too few outlets or by the period rule, as the recount says', async (weeks) => {
    const TO = PERIOD_TO;
    const from = addDays(TO, -7 * weeks);
    const mine = salesOf(ME).filter((l) => inRange(l.week, from, TO));
    const best = [...groupBy(mine, (l) => l.sku)].map(([sku, ls]) => ({ sku, fen: sum(ls, (l) => l.amount) }))
      .sort((a, b) => b.fen - a.fen || a.sku.localeCompare(b.sku))[0]!.sku;
    const county = lines.filter((l) => l.sku === best && l.store !== ME && l.area.startsWith(LUFENG) && inRange(l.week, from, TO));
    const outlets = new Set(county.filter((l) => l.area.startsWith(JINSHAN)).map((l) => l.store)).size;
    const passes = periodRule(county, JINSHAN, from).product(best, Array.from({ length: weeks / 4 }, (_, i) => i));
    const reason = outlets < K ? 'outlets' : passes ? null : 'period';
    expect(reason).not.toBeNull(); // the simulated cluster is small: see the county above for one shown
    const body = pricesResponse.parse(await get('merchant', `/api/workspace/${ME}/prices?weeks=${weeks}`));
    expect([body.sku, body.from, body.to, body.outlets, body.withheld, body.reason, body.bands, body.quartiles, body.mine?.belowPct])
      .toEqual([best, from, TO, outlets, true, reason, [], null, null]);
  });
});

// ---- 5. Peer benchmark ------------------------------------------------------------------------

describe('peers', () => {
  test('stations of Lufeng: peers with sales, and quartiles of sales, growth, basket and categories; none in the township', async () => {
    const from = addDays(TO, -28);
    const prev = addDays(from, -28);
    const me = storeOf.get(ME)!;
    const figures = (id: string) => {
      const ls = salesOf(id).filter((l) => inRange(l.week, prev, TO));
      const now = ls.filter((l) => l.week >= from);
      const sales = sum(now, (l) => l.amount);
      const receipts = new Set(now.map((l) => l.receipt)).size;
      return { id, sales, growth: pct(sales, sum(ls.filter((l) => l.week < from), (l) => l.amount)), basket: receipts > 0 ? Math.round(sales / receipts) : null, categories: new Set(now.map((l) => l.category)).size };
    };
    const peers = stores.filter((s) => s.id !== ME && s.type === me.type && s.tier === me.tier && s.areaCode.startsWith(LUFENG))
      .map((s) => figures(s.id)).filter((f) => f.sales > 0);
    expect(peers.length).toBe(13); // Lufeng's other 13 township stations
    const stat = (pick: (f: ReturnType<typeof figures>) => number | null) => {
      const v = peers.map(pick).filter((x): x is number => x !== null).sort((a, b) => a - b);
      const r = (x: number) => Math.round(x * 10) / 10;
      // Each quartile the mean of the 5 values centred on type 7's position (n - 1) x p, held inside.
      const around = (p: number) => {
        const start = Math.min(v.length - K, Math.max(0, Math.round((v.length - 1) * p - 2)));
        return sum(v.slice(start, start + K), (x) => x) / K;
      };
      return { p25: r(around(0.25)), median: r(around(0.5)), p75: r(around(0.75)) };
    };
    // 13 sales: ranks 2-6, 5-9 and 8-12 (positions 3, 6, 9).
    const sales = peers.map((f) => f.sales).sort((a, b) => a - b);
    const mean = (xs: number[]) => Math.round((sum(xs, (x) => x) / xs.length) * 10) / 10;
    expect(stat((f) => f.sales)).toEqual({ p25: mean(sales.slice(1, 6)), median: mean(sales.slice(4, 9)), p75: mean(sales.slice(7, 12)) });
    const mine = figures(ME);

    const body = peersResponse.parse(await get('merchant', `/api/workspace/${ME}/peers`));
    expect([body.from, body.to, body.k]).toEqual([from, TO, K]);
    const [township, county] = body.stores[0]!.groups;
    expect(township).toMatchObject({ level: 'township', areaCode: JINSHAN, peers: 0, shown: false });
    expect(township!.metrics.every((m) => m.p25 === null && m.median === null && m.p75 === null)).toBe(true);
    expect(county).toMatchObject({ level: 'county', areaCode: LUFENG, peers: 13, shown: true });
    expect(county!.metrics).toEqual([
      { metric: 'sales', mine: mine.sales, ...stat((f) => f.sales) },
      { metric: 'growth', mine: mine.growth, ...stat((f) => f.growth) },
      { metric: 'basket', mine: mine.basket, ...stat((f) => f.basket) },
      { metric: 'categories', mine: mine.categories, ...stat((f) => f.categories) },
    ]);
  });
});

// ---- 6. Restock signals -----------------------------------------------------------------------

describe('restock', () => {
  let asOf = ''; // the station's last sale day
  const rateTo = W; // the 4 whole weeks before asOf's week
  const rateFrom = addDays(rateTo, -28);
  beforeAll(() => {
    asOf = salesOf(ME).map((l) => l.day).sort().at(-1)!;
    expect(mondayOf(asOf)).toBe(W);
  });
  const round2 = (v: number) => Math.round(v * 100) / 100;
  const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86400_000);
  /** Every product delivered in the 84 days to asOf. In whole numbers: with `sold` units in 28
   *  days, the cover of what is left is (28 x delivered - sold x days since) / sold days. */
  function expected(within: number) {
    const delivered = deliveries.filter((d) => d.dest === ME && d.day >= addDays(asOf, -83) && d.day <= asOf);
    return [...groupBy(delivered, (d) => d.sku)].map(([sku, ds]) => {
      const last = ds.map((d) => d.day).sort().at(-1)!;
      const qty = sum(ds.filter((d) => d.day === last), (d) => d.qty);
      const sold = sum(salesOf(ME).filter((l) => l.sku === sku && inRange(l.week, rateFrom, rateTo)), (l) => l.qty);
      const since = days(last, asOf);
      // No festival window in the 60 days after mid-March 2026: no uplift. Sold past the delivery's
      // units since it came: stock from before, unseen, so no estimate (it said "runs out on asOf").
      const num = 28 * qty - sold * since;
      const beyondDelivery = sold > 0 && num <= 0;
      const cover = sold > 0 && !beyondDelivery ? num / sold : null;
      return {
        sku, category: ds[0]!.category, lastDeliveryDay: last, deliveredQty: qty, ratePerDay: round2(sold / 28), soldSince: round2((sold / 28) * since),
        coverDays: cover === null ? null : round2(cover), beyondDelivery, upliftPct: null, festival: null,
        runsOutOn: cover !== null ? addDays(asOf, Math.ceil(num / sold)) : null, alert: cover !== null && cover <= within,
      };
    }).sort((a, b) => (a.coverDays ?? Infinity) - (b.coverDays ?? Infinity) || a.sku.localeCompare(b.sku));
  }

  test('each product delivered in 12 weeks: last delivery, the 4 whole weeks\' rate, cover; alerts follow `within`', async () => {
    const body = restockResponse.parse(await get('merchant', `/api/workspace/${ME}/restock`));
    expect([body.asOf, body.within]).toEqual([asOf, 7]);
    const want = expected(7);
    expect(want.length).toBeGreaterThan(10);
    expect(want.some((i) => i.beyondDelivery) && want.some((i) => i.coverDays !== null)).toBe(true); // both kinds in the station's 12 weeks
    expect(body.items.map(({ name: _, runsOutOn: __, ...i }) => i)).toEqual(want.map(({ runsOutOn: _, ...i }) => i));
    // One item spelled out: the first to run out.
    expect(body.items[0]).toMatchObject({ sku: want[0]!.sku, lastDeliveryDay: want[0]!.lastDeliveryDay, deliveredQty: want[0]!.deliveredQty, coverDays: want[0]!.coverDays });

    const wide = restockResponse.parse(await get('merchant', `/api/workspace/${ME}/restock?within=60`));
    const want60 = expected(60);
    expect(wide.items.filter((i) => i.alert).map((i) => i.sku)).toEqual(want60.filter((i) => i.alert).map((i) => i.sku));
    expect(wide.items.filter((i) => i.alert).length).toBeGreaterThan(body.items.filter((i) => i.alert).length);
    expect(wide.items.every((i) => i.alert === (i.coverDays !== null && i.coverDays <= 60))).toBe(true);
  });

  test('runs out on asOf + the days of cover, rounded up (a whole number of days is that day)', async () => {
    const body = restockResponse.parse(await get('merchant', `/api/workspace/${ME}/restock`));
    // e.g. 33 units delivered 4 days before asOf, 11 sold in 28 days: (924 - 44) / 11 = 80 days exactly, asOf + 80.
    expect(body.items.map((i) => `${i.sku} ${i.coverDays} ${i.runsOutOn}`)).toEqual(expected(7).map((i) => `${i.sku} ${i.coverDays} ${i.runsOutOn}`));
  });
});

// ---- 7. Sourcing ------------------------------------------------------------------------------

describe('sourcing', () => {
  test('distributors of each category in Lufeng and their wholesale prices, withheld under 3 distributors', async () => {
    const from = addDays(TO, -84);
    const supply = deliveries.filter((d) => inRange(d.day, from, TO) && storeOf.get(d.dest)!.areaCode.startsWith(LUFENG)
      && ['distributor', 'county_warehouse'].includes(storeOf.get(d.seller)?.type ?? ''));
    const want = [...groupBy(supply, (d) => top(d.category))].sort((a, b) => a[0].localeCompare(b[0])).map(([category, ds]) => ({
      category,
      distributors: [...new Set(ds.map((d) => d.seller))].sort(),
      skus: [...groupBy(ds, (d) => d.sku)].sort((a, b) => a[0].localeCompare(b[0])).map(([sku, list]) => {
        const per = [...groupBy(list, (d) => d.seller).values()].map((x) => sum(x, (d) => d.amount) / sum(x, (d) => d.qty)).sort((a, b) => a - b);
        const withheld = per.length < 3;
        return {
          sku, distributors: per.length, withheld,
          minFen: withheld ? null : Math.round(per[0]!), medianFen: withheld ? null : Math.round(type7(per, 0.5)), maxFen: withheld ? null : Math.round(per.at(-1)!),
          // Units only where K shops besides mine received it: they are the shops' purchases.
          qty: new Set(list.map((d) => d.dest).filter((id) => id !== ME)).size >= K ? sum(list, (d) => d.qty) : null,
        };
      }),
    }));
    const body = sourcingResponse.parse(await get('merchant', `/api/workspace/${ME}/sourcing`));
    expect([body.county.code, body.from, body.to, body.k]).toEqual([LUFENG, from, TO, 3]);
    expect(body.categories.map((c) => ({ category: c.category, distributors: c.distributors.map((d) => d.id), skus: c.skus.map(({ name: _, ...s }) => s) }))).toEqual(want);
    const skus = want.flatMap((c) => c.skus);
    expect(skus.some((s) => s.withheld)).toBe(true);
    expect(skus.some((s) => !s.withheld)).toBe(true);
    expect(skus.some((s) => s.qty === null) && skus.some((s) => s.qty !== null)).toBe(true); // both cases of the units' rule
  });
});

// ---- scope and bad input ----------------------------------------------------------------------

describe('scope and input', () => {
  test('another store: 403 naming it, alone or among the merchant\'s own', async () => {
    const scope = 'your stores ST-532302101 and aggregates of 532302 (禄丰市)';
    for (const path of ['ST-532302102/summary', 'ST-532302101,ST-532302102/demand', 'ST-532302102/restock']) {
      const res = await agents.get('merchant')!.get(`/api/workspace/${path}`);
      expect(res.status).toBe(403);
      expect(res.body.message).toBe(`store ST-532302102 is outside your scope: ${scope}`);
    }
  });

  test('bad input: 400 naming the field', async () => {
    const cases: [string, string, string][] = [
      ['demand?weeks=99', 'weeks', 'weeks: must be 4 to 52'],
      ['summary?week=2026-03-10', 'week', 'week: must be a Monday (weeks start on Monday)'],
      ['demand?view=category&stream=parcels', 'stream', 'stream: parcels have no category: use view area'],
      ['peers?weeks=99', 'weeks', 'weeks: must be 1 to 26'],
      ['restock?within=0', 'within', 'within: must be 1 to 60 days'],
      ['prices?sku=nonexistent', 'sku', 'sku: unknown product nonexistent'], // not a product nobody sold
    ];
    for (const [path, field, message] of cases) {
      const res = await agents.get('merchant')!.get(`/api/workspace/${ME}/${path}`);
      expect(res.status, path).toBe(400);
      expect(res.body, path).toMatchObject({ error: 'bad_request', field, message });
    }
    const twice = await agents.get('merchant')!.get(`/api/workspace/${ME},${ME}/summary`);
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ field: 'stores', message: 'stores: must be store ids joined by commas, each once, at most 50' });
  });
});
