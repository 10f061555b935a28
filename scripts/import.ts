// Loads an NDJSON or CSV file through the same validation as every other source, into the
// warehouse (DATA_DIR or CLICKHOUSE_URL, as `npm start`), with a progress bar and a summary.
//   npm run import -- FILE [--kind pos|distribution|parcel] [--format ndjson|csv]
// Refused rows go to the dead_letters table with the file and line they came from.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateOptions, parseConfig, warehouseConfig } from '../config.ts';
import { createWarehouseDeadLetters } from '../ingest/dead-letters.ts';
import { createPipeline } from '../ingest/pipeline.ts';
import { isEventKind, readRecords } from '../ingest/sources/file-records.ts';
import { migrate, readMigrations } from '../warehouse/migrate.ts';
import { openWarehouse } from '../warehouse/open.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { createProgressBar } from '../ingest/progress.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { kind: { type: 'string' }, format: { type: 'string' } },
});

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(2);
}

const file = positionals[0] ?? fail('usage: npm run import -- FILE [--kind pos|distribution|parcel] [--format ndjson|csv]');
let size: number;
try {
  size = statSync(file).size;
} catch {
  fail(`cannot read ${file}`);
}
const format = (args.format ?? (file.endsWith('.csv') ? 'csv' : 'ndjson')) as 'ndjson' | 'csv';
if (format !== 'ndjson' && format !== 'csv') fail(`invalid --format: ${args.format} (ndjson or csv)`);
if (args.kind !== undefined && !isEventKind(args.kind)) fail(`invalid --kind: ${args.kind} (pos, distribution or parcel)`);

const config = parseConfig(process.env);
let warehouse: Warehouse;
try {
  warehouse = openWarehouse(warehouseConfig(config));
  await migrate(warehouse, readMigrations(join(import.meta.dirname, '../sql/migrations')), migrateOptions(config));
} catch (e) {
  fail(`${(e as Error).message}\n(the embedded warehouse takes one process at a time: stop npm start first, or import into a ClickHouse server with CLICKHOUSE_URL)`);
}
const deadLetters = createWarehouseDeadLetters(warehouse);
// Known by id, as through Kafka: a file imported again, or overlapping an earlier one, counts nothing twice.
// A file was "sent" when it was last written: its records' times are checked against that, not
// against the moment of the import, so importing it again decides every record the same way.
const { mtimeMs } = statSync(file);
const pipeline = createPipeline({
  warehouse, deadLetters, batchMaxRows: config.INGEST_BATCH_ROWS, maxMessageBytes: config.INGEST_MAX_MESSAGE_BYTES, identity: true,
  sentAt: () => mtimeMs,
});
// The file's batches form one sequence named by everything that decides them (its content and
// time, the batch and message bounds; no timer cuts them), so importing the same file again
// repeats their deduplication tokens: a batch whose rows landed before a crash kept its ids from
// being recorded is dropped by the engine, not written twice.
pipeline.scope(`file/${await contentHash(file)}/${Math.floor(mtimeMs)}/${config.INGEST_BATCH_ROWS}/${config.INGEST_MAX_MESSAGE_BYTES}`);
const bar = createProgressBar('import', process.stderr);
let read = 0;
let unknownKinds = 0;
const started = Date.now();

for await (const record of readRecords(file, format, args.kind as never, (bytes) => {
  read += bytes;
  bar.update(read, size, `${(read / 1e6).toFixed(1)} MB`);
})) {
  const source = `file:${file}:${record.line}`;
  if (!isEventKind(record.kind)) {
    await deadLetters.write([{ source, kind: String(record.kind), reason: 'schema', detail: `kind: unknown stream ${record.kind}`, payload: JSON.stringify(record.value) }]);
    unknownKinds++;
    continue;
  }
  await pipeline.submit(record.kind, record.value, source);
}
await pipeline.close();
const stats = pipeline.stats();
const reasons = Object.entries(stats.rejected).map(([reason, n]) => `${reason} ${n}`);
if (unknownKinds > 0) reasons.push(`unknown_kind ${unknownKinds}`);
const examples = await warehouse.query<{ source: string; reason: string; detail: string }>(
  'SELECT source, toString(reason) AS reason, detail FROM dead_letters WHERE startsWith(source, {prefix:String}) ORDER BY received_at LIMIT 10',
  { prefix: `file:${file}:` },
);
process.stderr.write(
  `import: ${file}: ${stats.consumed + unknownKinds} records read, ${stats.accepted} accepted, ${stats.duplicates} duplicates, ` +
  `rejected: ${reasons.join(', ') || 'none'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n` +
  examples.map((e) => `  ${e.source.slice(5)} ${e.reason}: ${e.detail}\n`).join(''),
);
await warehouse.close();

async function contentHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 32);
}
