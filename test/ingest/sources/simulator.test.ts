// The simulated county: deterministic, every reference resolves, and it shows the county's
// rhythms (seasons, Spring Festival, online share, parcel flows) in the documented ranges
// (docs/simulator.md).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DistributionTxn, ParcelVolume, PosReceipt } from '../../../contracts/events.ts';
import { eventSchemas } from '../../../contracts/events.ts';
import { addDays } from '../../../contracts/time.ts';
import { createGenerator, type GeneratedRecord } from '../../../ingest/sources/generator.ts';
import { loadModelData } from '../../../ingest/sources/model-data.ts';
import { ROOT } from '../../fixtures/warehouse.ts';

const model = loadModelData(42);
const gen = createGenerator({ ...model, seed: 42 });
const daysOf = (from: string, n: number) => gen.days(from, n).flatMap((d) => [...gen.day(d)]);
const pos = (rs: GeneratedRecord[]) => rs.filter((r) => r.kind === 'pos').map((r) => r.value as PosReceipt);
const posAmount = (rs: GeneratedRecord[]) => pos(rs).reduce((s, r) => s + r.totalFen, 0);

function simulate(seed: number): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', '--to', 'stdout', '--seed', String(seed), '--days', '7'], {
    cwd: ROOT, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'],
  });
  return createHash('sha256').update(out).digest('hex');
}

describe('simulator', () => {
  test('the same seed gives the same bytes; another seed differs', () => {
    const first = simulate(42);
    expect(simulate(42)).toBe(first);
    expect(simulate(43)).not.toBe(first);
  }, 60_000);

  test('Lufeng has its plan: a service centre, a logistics warehouse, 14 township stations, 50 village points', () => {
    const lufeng = model.stores.filter((s) => s.areaCode.startsWith('532302'));
    const count = (type: string) => lufeng.filter((s) => s.type === type).length;
    expect([count('county_centre'), count('county_warehouse'), count('township_station'), count('village_point')]).toEqual([1, 1, 14, 50]);
    const townships = model.areas.filter((a) => a.level === 'township' && a.parentCode === '532302').map((a) => a.code);
    expect(townships).toHaveLength(14);
    expect(lufeng.filter((s) => s.type === 'township_station').map((s) => s.areaCode).sort()).toEqual(townships);
  });

  test('every record of two weeks is valid and every store, area and product it names exists', () => {
    const records = daysOf('2026-03-01', 14);
    const stores = new Set(model.stores.map((s) => s.id));
    const areas = new Set(model.areas.map((a) => a.code));
    const skus = new Set(model.products.map((p) => p.sku));
    const cities = new Set((JSON.parse(readFileSync(join(ROOT, 'reference/destination-cities.json'), 'utf8')) as { cities: { code: string }[] }).cities.map((c) => c.code));
    const missing: string[] = [];
    const need = (ok: boolean, what: string) => { if (!ok && missing.length < 10) missing.push(what); };
    for (const r of records) {
      expect(eventSchemas[r.kind].safeParse(r.value).success).toBe(true);
      if (r.kind === 'pos') {
        const v = r.value as PosReceipt;
        need(stores.has(v.storeId), `store ${v.storeId}`);
        need(areas.has(v.areaCode), `area ${v.areaCode}`);
        for (const l of v.lines) need(skus.has(l.sku), `sku ${l.sku}`);
      } else if (r.kind === 'distribution') {
        const v = r.value as DistributionTxn;
        need(stores.has(v.sellerId), `seller ${v.sellerId}`);
        need(areas.has(v.originAreaCode), `origin ${v.originAreaCode}`);
        need(skus.has(v.sku), `sku ${v.sku}`);
        if (v.destStoreId) need(stores.has(v.destStoreId), `dest ${v.destStoreId}`);
        if (v.destCityCode) need(cities.has(v.destCityCode), `city ${v.destCityCode}`);
      } else {
        const v = r.value as ParcelVolume;
        need(stores.has(v.stationId), `station ${v.stationId}`);
        need(areas.has(v.areaCode), `area ${v.areaCode}`);
      }
    }
    expect(missing).toEqual([]);
    expect(records.length).toBeGreaterThan(100_000);
  });

  test('Spring Festival: the week before it sells at least 1.3 times a normal week; its first three days far less', () => {
    const festival = '2026-02-17';
    const before = posAmount(daysOf(addDays(festival, -7), 7));
    const normal = posAmount(daysOf(addDays(festival, -35), 7));
    const firstDays = posAmount(daysOf(festival, 3));
    const normalDays = posAmount(daysOf(addDays(festival, -35), 3));
    expect(before / normal).toBeGreaterThan(1.3);
    expect(firstDays / normalDays).toBeLessThan(0.7);
  });

  test('wild mushrooms: July ships at least five times what February does', () => {
    const mushrooms = new Set(model.products.filter((p) => p.category === 'produce.wild_mushroom').map((p) => p.sku));
    expect(mushrooms.size).toBeGreaterThan(3);
    const shipped = (from: string, n: number) => daysOf(from, n)
      .filter((r) => r.kind === 'distribution')
      .map((r) => r.value as DistributionTxn)
      .filter((t) => t.direction === 'upstream' && mushrooms.has(t.sku))
      .reduce((s, t) => s + t.weightG, 0);
    const july = shipped('2026-07-01', 31);
    const february = shipped('2026-02-01', 28);
    expect(july).toBeGreaterThan(0);
    expect(july).toBeGreaterThanOrEqual(5 * february);
  }, 60_000);

  test('every upstream produce transaction carries a traceability batch shared by its lot; the embroidery none', () => {
    const up = daysOf('2026-07-06', 2).filter((r) => r.kind === 'distribution').map((r) => r.value as DistributionTxn)
      .filter((t) => t.direction === 'upstream');
    const withOrigin = new Set(model.products.filter((p) => p.originAreaCode).map((p) => p.sku));
    const produce = up.filter((t) => withOrigin.has(t.sku));
    expect(produce.length).toBeGreaterThan(100);
    expect(produce.every((t) => /^CX-\d{6,9}-\d{6}-\d{4}$/.test(t.traceBatch ?? ''))).toBe(true);
    expect(new Set(produce.map((t) => t.traceBatch)).size).toBeLessThan(produce.length); // lots hold several orders
    const embroidery = up.filter((t) => !withOrigin.has(t.sku));
    expect(embroidery.length).toBeGreaterThan(10);
    expect(embroidery.every((t) => t.category === 'crafts.embroidery' && t.channel === 'online' && t.traceBatch === undefined)).toBe(true);
  });

  test('online retail is not all produce: in every county agricultural products are part of it, not all', () => {
    const agricultural = new Set(model.products.filter((p) => p.agricultural).map((p) => p.sku));
    const online = daysOf('2026-03-02', 14).filter((r) => r.kind === 'distribution').map((r) => r.value as DistributionTxn)
      .filter((t) => t.direction === 'upstream' && t.channel === 'online');
    const counties = new Map<string, { all: number; agri: number }>();
    for (const t of online) {
      const county = model.stores.find((s) => s.id === t.sellerId)!.areaCode.slice(0, 6);
      const c = counties.get(county) ?? { all: 0, agri: 0 };
      c.all += t.amountFen;
      if (agricultural.has(t.sku)) c.agri += t.amountFen;
      counties.set(county, c);
    }
    expect(counties.size).toBe(10);
    for (const [county, c] of counties) expect([county, c.agri > 0 && c.agri < c.all]).toEqual([county, true]);
  });

  test('online share of station receipts, and parcels out per parcel in, fall in the documented ranges', () => {
    const records = daysOf('2026-05-04', 7);
    const stationReceipts = pos(records).filter((r) => r.storeId.startsWith('ST-') || r.storeId.startsWith('VP-'));
    const online = stationReceipts.filter((r) => r.channel === 'online_proxy').length / stationReceipts.length;
    expect(online).toBeGreaterThan(0.08);
    expect(online).toBeLessThan(0.25);
    const parcels = records.filter((r) => r.kind === 'parcel').map((r) => r.value as ParcelVolume);
    const sum = (d: string) => parcels.filter((p) => p.direction === d).reduce((s, p) => s + p.parcels, 0);
    const ratio = sum('out') / sum('in');
    expect(ratio).toBeGreaterThan(0.05);
    expect(ratio).toBeLessThan(0.5);
  });

  test('silent stations stop reporting, and no outlet reports before it opened', () => {
    const silent = model.stores.filter((s) => s.status === 'silent');
    expect(silent.length).toBeGreaterThan(0);
    const opened = new Map(model.stores.map((s) => [s.id, s.openedOn]));
    const records = daysOf('2026-11-01', 2);
    const reporting = new Set(records.flatMap((r) => {
      const v = r.value as { storeId?: string; stationId?: string };
      return [v.storeId, v.stationId].filter((x): x is string => !!x);
    }));
    for (const s of silent) expect(reporting.has(s.id), s.id).toBe(false);
    for (const id of reporting) expect(opened.get(id)! <= '2026-11-02', id).toBe(true);
  });
});
