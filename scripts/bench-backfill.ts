// Backfill benchmark: D days of the simulated county into a fresh embedded warehouse through the
// in-process pipeline (full validation), then the size of the data on disk after merges. The
// reference, in the same process: generating the same days without writing them.
//   npm run bench:backfill -- [--days 365] [--seed 20201]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, shanghaiDay } from '../contracts/time.ts';
import { createWarehouseDeadLetters } from '../ingest/dead-letters.ts';
import { createPipeline } from '../ingest/pipeline.ts';
import { createGenerator } from '../ingest/sources/generator.ts';
import { createInProcessSource } from '../ingest/sources/in-process.ts';
import { loadModelData } from '../ingest/sources/model-data.ts';
import { createEmbeddedWarehouse } from '../warehouse/embedded.ts';
import { migrate, readMigrations } from '../warehouse/migrate.ts';
import { createProgressBar } from '../ingest/progress.ts';

const { values: args } = parseArgs({ options: { days: { type: 'string', default: '365' }, seed: { type: 'string', default: '20201' } } });
const days = Number(args.days);
const seed = Number(args.seed);
const from = addDays(shanghaiDay(Date.now()), -days);
const model = loadModelData(seed);

// Reference: the generator alone.
let t = Date.now();
let generated = 0;
const gen = createGenerator({ ...model, seed });
for (const d of gen.days(from, days)) for (const _ of gen.day(d)) generated++;
const generateMs = Date.now() - t;

const dir = mkdtempSync(join(tmpdir(), 'cx-backfill-'));
const warehouse = createEmbeddedWarehouse({ path: dir });
await migrate(warehouse, readMigrations(join(import.meta.dirname, '../sql/migrations')));
const pipeline = createPipeline({ warehouse, deadLetters: createWarehouseDeadLetters(warehouse) });
const bar = createProgressBar('backfill', process.stderr);
const source = createInProcessSource({
  generator: createGenerator({ ...model, seed }), pipeline, backfillFrom: from, backfillDays: days, ratePerSec: 0,
  onProgress: (p) => bar.update(p.done, p.total, `${p.day} ${p.records.toLocaleString()} records`),
});
t = Date.now();
await source.run(new AbortController().signal);
const backfillMs = Date.now() - t;
const stats = pipeline.stats();
for (const table of ['pos_lines', 'distribution_txns', 'parcel_volumes', 'demand_daily']) await warehouse.command(`OPTIMIZE TABLE ${table} FINAL`);
const tables = await warehouse.query<{ table: string; rows: number; bytes: number }>(
  `SELECT table, sum(rows) AS rows, sum(bytes_on_disk) AS bytes FROM system.parts WHERE active AND database = currentDatabase()
   GROUP BY table ORDER BY bytes DESC`);
await warehouse.close();
const du = Number(execFileSync('du', ['-sb', dir]).toString().split('\t')[0]);
rmSync(dir, { recursive: true, force: true });

for (const x of tables) process.stderr.write(`${x.table.padEnd(20)} ${String(x.rows).padStart(10)} rows ${(x.bytes / 2 ** 20).toFixed(1).padStart(8)} MiB\n`);
const result = {
  days, events: stats.consumed,
  machine: `${cpus().length} cores ${cpus()[0]?.model ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  backfillEventsPerSec: Math.round((stats.consumed / backfillMs) * 1000),
  generateOnlyEventsPerSec: Math.round((generated / generateMs) * 1000),
  ratioToGenerateOnly: +(generateMs / backfillMs).toFixed(3),
  rowsInserted: stats.rowsInserted,
  partsBytes: tables.reduce((s, x) => s + Number(x.bytes), 0),
  dataDirBytes: du,
};
console.log(JSON.stringify(result));
