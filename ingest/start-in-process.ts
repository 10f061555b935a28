// The embedded default's ingest: the generator backfills an empty warehouse (with progress on
// standard error), then keeps a live stream going, through the in-process pipeline.
import { addDays, shanghaiDay } from '../contracts/time.ts';
import type { Config } from '../config.ts';
import { createProgressBar } from './progress.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { createWarehouseDeadLetters } from './dead-letters.ts';
import { renderMetrics } from './metrics.ts';
import { createPipeline } from './pipeline.ts';
import { createGenerator } from './sources/generator.ts';
import { createInProcessSource } from './sources/in-process.ts';
import type { ModelData } from './sources/model-data.ts';
import { ingestStatus, type IngestLogger, type RunningIngest } from './running.ts';

export async function startInProcessIngest(deps: {
  config: Config; warehouse: Warehouse; model: ModelData; logger: IngestLogger;
}): Promise<RunningIngest> {
  const { config, warehouse, model, logger } = deps;
  const pipeline = createPipeline({
    warehouse,
    deadLetters: createWarehouseDeadLetters(warehouse),
    batchMaxRows: config.INGEST_BATCH_ROWS,
    batchMaxMs: config.INGEST_BATCH_MS,
    maxMessageBytes: config.INGEST_MAX_MESSAGE_BYTES,
    onRetry: (e, attempt, delayMs) => logger.warn('warehouse insert failed; retrying', { attempt, delayMs, error: e.message }),
    onError: (e) => logger.error('a timed flush failed; its records were not acknowledged', { error: e.message }),
  });
  const today = shanghaiDay(Date.now());
  // By default from 1 January two years back: this year's year-to-date figures then have last
  // year's to grow from, and last year's have the year before (the officials' growth rates).
  const wanted = config.SIM_BACKFILL_DAYS ?? Math.round((Date.parse(today) - Date.parse(`${Number(today.slice(0, 4)) - 2}-01-01`)) / 86_400_000);
  // The days an earlier run finished are skipped; one cut short resumes (in-process.ts). A data
  // directory from before the days were recorded holds data and no days: it is kept as it is.
  const scope = `sim/${config.SIM_SEED}/${config.SIM_SCALE}`;
  const doneDays = new Set((await warehouse.query<{ day: string }>(
    'SELECT toString(day) AS day FROM simulator_days WHERE scope = {scope:String}', { scope })).map((r) => r.day));
  const [existing] = await warehouse.query<{ n: number }>('SELECT count() AS n FROM pos_lines');
  const legacy = doneDays.size === 0 && Number(existing?.n) > 0;
  const backfillDays = legacy ? 0 : wanted;
  if (legacy) logger.info('reusing the data already loaded', { posLines: Number(existing?.n) });
  else if (doneDays.size > 0) logger.info('resuming the backfill', { daysDone: doneDays.size, daysWanted: wanted });
  const bar = createProgressBar('backfill', process.stderr);
  let progress = { done: 0, total: backfillDays };
  const source = createInProcessSource({
    generator: createGenerator({ seed: config.SIM_SEED, stores: model.stores, products: model.products, scale: config.SIM_SCALE, badShare: config.SIM_BAD_SHARE }),
    pipeline,
    backfillFrom: addDays(today, -backfillDays),
    backfillDays,
    doneDays,
    scope,
    onDayDone: (day, records) => warehouse.insert('simulator_days', [{ day, scope, records }]),
    ratePerSec: config.SIM_RATE,
    onProgress: (p) => {
      progress = { done: p.done, total: p.total };
      bar.update(p.done, p.total, `${p.day} ${p.records.toLocaleString()} records`);
    },
  });
  const abort = new AbortController();
  const running = source.run(abort.signal).then(
    () => logger.info('ingest stopped', { consumed: pipeline.stats().consumed }),
    (e) => logger.error('ingest failed', { error: (e as Error).stack }),
  );
  return {
    status: () => ingestStatus(pipeline.stats(), source.status().running, `in-process (${source.status().phase})`, source.status().phase === 'done'),
    metrics: () => renderMetrics({ source: 'in-process', stats: pipeline.stats() }),
    catchingUp: () => ['idle', 'backfill'].includes(source.status().phase),
    backfillProgress: () => (['idle', 'backfill'].includes(source.status().phase) ? progress : null),
    async stop() {
      abort.abort();
      await running;
      await pipeline.close();
    },
  };
}
