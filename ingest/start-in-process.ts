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
  // Backfill only an empty warehouse: a restart keeps what the last run loaded and goes live.
  const [existing] = await warehouse.query<{ n: number }>('SELECT count() AS n FROM pos_lines');
  const today = shanghaiDay(Date.now());
  // By default from 1 January two years back: this year's year-to-date figures then have last
  // year's to grow from, and last year's have the year before (the officials' growth rates).
  const wanted = config.SIM_BACKFILL_DAYS ?? Math.round((Date.parse(today) - Date.parse(`${Number(today.slice(0, 4)) - 2}-01-01`)) / 86_400_000);
  const backfillDays = Number(existing?.n) > 0 ? 0 : wanted;
  if (backfillDays === 0) logger.info('reusing the data already loaded', { posLines: Number(existing?.n) });
  const bar = createProgressBar('backfill', process.stderr);
  const source = createInProcessSource({
    generator: createGenerator({ seed: config.SIM_SEED, stores: model.stores, products: model.products, scale: config.SIM_SCALE, badShare: config.SIM_BAD_SHARE }),
    pipeline,
    backfillFrom: addDays(today, -backfillDays),
    backfillDays,
    ratePerSec: config.SIM_RATE,
    onProgress: (p) => bar.update(p.done, p.total, `${p.day} ${p.records.toLocaleString()} records`),
  });
  const abort = new AbortController();
  const running = source.run(abort.signal).then(
    () => logger.info('ingest stopped', { consumed: pipeline.stats().consumed }),
    (e) => logger.error('ingest failed', { error: (e as Error).stack }),
  );
  return {
    status: () => ingestStatus(pipeline.stats(), source.status().running, `in-process (${source.status().phase})`, source.status().phase === 'done'),
    metrics: () => renderMetrics({ source: 'in-process', stats: pipeline.stats() }),
    async stop() {
      abort.abort();
      await running;
      await pipeline.close();
    },
  };
}
