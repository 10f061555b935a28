// npx tsx scripts/kill-during-inserts.ts [--kills 250] [--engine-only] [--dir DIR]
//
// The engine case behind warehouse/dedup-log-repair.ts, measured: a process inserts 4,000 blocks
// of 50 rows (two partitions each) with deduplication tokens into a MergeTree table with a
// materialized view, and is killed with SIGKILL at random instants; each restart replays the insert
// it was in (the one after the last it saw acknowledged), as the ingest replays a range. At the end
// the table and the view must both hold 200,000 rows. With --engine-only the process opens the
// directory with chdb alone (no repair): the table comes up short by the blocks whose record was
// written and whose part was not, while the view holds them.
// Measured 2026-11-30 (2 cores): engine only, 250 kills, 3 blocks short; with the repair, 300
// kills, one orphan record repaired at an open, both counts exact.
import { Session } from 'chdb';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEmbeddedWarehouse } from '../warehouse/embedded.ts';

const ROWS = 50;
const BLOCKS = 4000;
const { values, positionals } = parseArgs({
  options: { kills: { type: 'string' }, 'engine-only': { type: 'boolean' }, dir: { type: 'string' } },
  allowPositionals: true,
});

if (positionals[0] === 'child') await child(positionals[1]!, values['engine-only'] === true);
else await parent();

async function child(dir: string, engineOnly: boolean): Promise<void> {
  const run = engineOnly
    ? (() => { const s = new Session(dir); return async (sql: string) => { await s.queryAsync(sql); }; })()
    : (() => {
      const wh = createEmbeddedWarehouse({ path: dir, onRepair: (r) => appendFileSync(`${dir}.repairs`, `${JSON.stringify(r)}\n`) });
      return (sql: string) => wh.command(sql);
    })();
  await run('CREATE TABLE IF NOT EXISTS raw (id UInt64, p UInt8) ENGINE = MergeTree PARTITION BY p ORDER BY id SETTINGS non_replicated_deduplication_window = 100000');
  await run('CREATE TABLE IF NOT EXISTS roll (p UInt8, n UInt64) ENGINE = SummingMergeTree ORDER BY p SETTINGS non_replicated_deduplication_window = 100000');
  await run('CREATE MATERIALIZED VIEW IF NOT EXISTS mv TO roll AS SELECT p, count() AS n FROM raw GROUP BY p');
  const acked = existsSync(`${dir}.ack`) ? readFileSync(`${dir}.ack`, 'utf8').trim().split('\n').filter(Boolean).map(Number) : [];
  for (let i = acked.length ? Math.max(...acked) + 1 : 0; i < BLOCKS; i++) {
    await run(`INSERT INTO raw SELECT ${i * ROWS} + number, number % 2 FROM numbers(${ROWS}) SETTINGS insert_deduplication_token = 't${i}'`);
    appendFileSync(`${dir}.ack`, `${i}\n`);
  }
  process.exit(0);
}

async function parent(): Promise<void> {
  const dir = values.dir ?? join(mkdtempSync(join(tmpdir(), 'cx-kill-')), 'db');
  const args = (extra: string[]) => ['--import', 'tsx', import.meta.filename, ...extra, 'child', dir];
  const extra = values['engine-only'] ? ['--engine-only'] : [];
  const kills = Number(values.kills ?? 250);
  for (let k = 1; k <= kills; k++) {
    const c = spawn(process.execPath, args(extra), { stdio: 'inherit' });
    await new Promise((r) => setTimeout(r, 900 + Math.random() * 900));
    c.kill('SIGKILL');
    await new Promise((r) => c.on('exit', r));
    if (k % 25 === 0) console.log(`${k} kills`);
  }
  await new Promise((r) => spawn(process.execPath, args(extra), { stdio: 'inherit' }).on('exit', r));
  const s = new Session(dir);
  const one = (sql: string) => Number(s.query(sql, 'TSV').toString().trim());
  const short = s.query(`SELECT groupArray(b) FROM (SELECT intDiv(id, ${ROWS}) AS b, count() AS c FROM raw GROUP BY b HAVING c < ${ROWS})`, 'TSV').toString().trim();
  console.log(JSON.stringify({
    kills, want: BLOCKS * ROWS, raw: one('SELECT count() FROM raw'), distinct: one('SELECT uniqExact(id) FROM raw'), view: one('SELECT sum(n) FROM roll'),
    blocksShort: short, repairs: existsSync(`${dir}.repairs`) ? readFileSync(`${dir}.repairs`, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [],
  }));
  s.close();
}
