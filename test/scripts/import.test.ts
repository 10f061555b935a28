// `npm run import -- FILE` end to end: a generated file with known bad lines into a fresh
// embedded warehouse; exact counts in the tables, in dead_letters, and in the summary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { decodeEvent } from '../../ingest/decode.ts';
import { ROWS_OF } from '../../ingest/rows.ts';
import { createGenerator } from '../../ingest/sources/generator.ts';
import { loadModelData } from '../../ingest/sources/model-data.ts';
import { createEmbeddedWarehouse } from '../../warehouse/embedded.ts';
import { ROOT } from '../fixtures/warehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'cx-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('an NDJSON file with bad lines: accepted rows land, refused ones are dead letters with file and line', async () => {
  const gen = createGenerator({ ...loadModelData(3), seed: 3, scale: 0.05, badShare: 0.03 });
  const records = [...gen.day('2026-04-01')];
  const lines = records.map((r) => JSON.stringify({ kind: r.kind, value: r.value }));
  lines.push('{"kind":"weather","value":{}}');
  writeFileSync(join(dir, 'in.ndjson'), `${lines.join('\n')}\n`);
  let rows = 0;
  let bad = 0;
  for (const r of records) {
    const d = decodeEvent(r.kind, r.value, 1 << 20, Date.now());
    if (d.ok && r.kind === 'pos') rows += ROWS_OF.pos(d.event as never).length;
    if (!d.ok) bad++;
  }
  expect(bad).toBeGreaterThan(5);

  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', join(dir, 'in.ndjson')], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: join(dir, 'chdb') }, encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const accepted = records.length - bad;
  expect(run.stderr).toContain(`${lines.length} records read, ${accepted} accepted, 0 duplicates, rejected: `);
  expect(run.stderr).toContain('unknown_kind 1');
  const wh = createEmbeddedWarehouse({ path: join(dir, 'chdb') });
  try {
    const one = async (sql: string) => Number((await wh.query<{ n: number }>(sql))[0]!.n);
    expect(await one('SELECT count() AS n FROM pos_lines')).toBe(rows);
    expect(await one('SELECT count() AS n FROM dead_letters')).toBe(bad + 1);
    expect(await one("SELECT count() AS n FROM dead_letters WHERE kind = 'weather' AND detail = 'kind: unknown stream weather'")).toBe(1);
    expect(await one(`SELECT count() AS n FROM dead_letters WHERE source = 'file:${join(dir, 'in.ndjson')}:${lines.length}'`)).toBe(1);
  } finally {
    await wh.close();
  }
}, 60_000);

test('the same file imported twice, and a file repeating ids: every event counted once', async () => {
  const gen = createGenerator({ ...loadModelData(4), seed: 4, scale: 0.05, badShare: 0 });
  const records = [...gen.day('2026-04-02')];
  const lines = records.map((r) => JSON.stringify({ kind: r.kind, value: r.value }));
  const file = join(dir, 'twice.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  // Another file: the first 20 records again (a monthly export overlapping the last), and 5 new ones.
  const more = [...gen.day('2026-04-03')].slice(0, 5);
  const overlap = join(dir, 'overlap.ndjson');
  writeFileSync(overlap, `${[...lines.slice(0, 20), ...more.map((r) => JSON.stringify({ kind: r.kind, value: r.value }))].join('\n')}\n`);
  const lineCount = (rs: typeof records) => rs.reduce((s, r) => s + (r.kind === 'pos' ? (r.value as { lines: unknown[] }).lines.length : 0), 0);

  const data = join(dir, 'chdb-twice');
  const importFile = (f: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', f], { cwd: ROOT, env: { ...process.env, DATA_DIR: data }, encoding: 'utf8' });
  const first = importFile(file);
  expect(first.stderr).toContain(`${lines.length} records read, ${lines.length} accepted, 0 duplicates, rejected: none`);
  const again = importFile(file);
  expect(again.status, again.stderr).toBe(0);
  expect(again.stderr).toContain(`${lines.length} records read, 0 accepted, ${lines.length} duplicates, rejected: none`);
  const third = importFile(overlap);
  expect(third.stderr).toContain('25 records read, 5 accepted, 20 duplicates, rejected: none');
  const wh = createEmbeddedWarehouse({ path: data });
  try {
    const one = async (sql: string) => Number((await wh.query<{ n: number }>(sql))[0]!.n);
    expect(await one('SELECT count() AS n FROM pos_lines')).toBe(lineCount(records) + lineCount(more));
    expect(await one('SELECT sum(lines) AS n FROM demand_daily')).toBe(lineCount(records) + lineCount(more));
    expect(await one('SELECT count() AS n FROM distribution_txns') + await one('SELECT count() AS n FROM parcel_volumes'))
      .toBe([...records, ...more].filter((r) => r.kind !== 'pos').length);
  } finally {
    await wh.close();
  }
}, 90_000);

test('a file imported again after a crash between its rows and its ids: nothing written twice', async () => {
  const gen = createGenerator({ ...loadModelData(4), seed: 5, scale: 0.05, badShare: 0 });
  const records = [...gen.day('2026-04-05')];
  const file = join(dir, 'crash.ndjson');
  writeFileSync(file, `${records.map((r) => JSON.stringify({ kind: r.kind, value: r.value })).join('\n')}\n`);
  const data = join(dir, 'chdb-crash');
  const importFile = () => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file], { cwd: ROOT, env: { ...process.env, DATA_DIR: data }, encoding: 'utf8' });
  expect(importFile().status).toBe(0);
  const count = async (wh: ReturnType<typeof createEmbeddedWarehouse>, sql: string) => Number((await wh.query<{ n: number }>(sql))[0]!.n);
  // The crash: every batch's rows landed, none of its ids were recorded.
  let wh = createEmbeddedWarehouse({ path: data });
  await wh.command('TRUNCATE TABLE ingest_event_ids');
  await wh.close();
  const again = importFile();
  expect(again.status, again.stderr).toBe(0);
  wh = createEmbeddedWarehouse({ path: data });
  try {
    const posLines = records.reduce((s, r) => s + (r.kind === 'pos' ? (r.value as { lines: unknown[] }).lines.length : 0), 0);
    expect(await count(wh, 'SELECT count() AS n FROM pos_lines')).toBe(posLines);
    expect(await count(wh, 'SELECT sum(lines) AS n FROM demand_daily')).toBe(posLines);
    expect(await count(wh, 'SELECT count() AS n FROM distribution_txns') + await count(wh, 'SELECT count() AS n FROM parcel_volumes'))
      .toBe(records.filter((r) => r.kind !== 'pos').length);
  } finally {
    await wh.close();
  }
}, 90_000);
