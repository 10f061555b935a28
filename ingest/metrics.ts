// The ingest counters in the Prometheus text format, for GET /metrics.
import type { PipelineStats } from './stats.ts';

export interface MetricsInput {
  source: string;
  stats: PipelineStats;
  lag?: readonly { key: string; highWatermark: bigint; committed: bigint }[];
}

const BUCKETS_ROWS = [10, 100, 1_000, 5_000, 10_000, 50_000];
const BUCKETS_MS = [5, 25, 100, 250, 1_000, 5_000, 30_000];

export function renderMetrics({ source, stats, lag = [] }: MetricsInput): string {
  const out: string[] = [];
  const metric = (name: string, type: string, help: string, samples: [string, number | bigint][]) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) out.push(`${name}${labels} ${value}`);
  };
  const src = `source="${source}"`;
  metric('cx_ingest_consumed_total', 'counter', 'Records read from the source.', [[`{${src}}`, stats.consumed]]);
  metric('cx_ingest_accepted_total', 'counter', 'Events whose rows the warehouse acknowledged.', [[`{${src}}`, stats.accepted]]);
  metric('cx_ingest_rejected_total', 'counter', 'Records sent to the dead letters, by reason.',
    Object.entries(stats.rejected).map(([reason, n]) => [`{${src},reason="${reason}"}`, n ?? 0]));
  metric('cx_ingest_duplicates_total', 'counter', 'Events dropped because their id was already written.', [[`{${src}}`, stats.duplicates]]);
  metric('cx_ingest_rows_inserted_total', 'counter', 'Rows inserted, by table.',
    Object.entries(stats.rowsInserted).map(([table, n]) => [`{${src},table="${table}"}`, n]));
  metric('cx_ingest_batches_total', 'counter', 'Batches written.', [[`{${src}}`, stats.batches]]);
  metric('cx_ingest_waiting_for_warehouse', 'gauge', '1 while inserts are being retried.', [[`{${src}}`, stats.waitingForWarehouse ? 1 : 0]]);
  histogram(out, 'cx_ingest_batch_rows', 'Rows per batch (recent batches).', src, BUCKETS_ROWS, stats.recentBatchRows);
  histogram(out, 'cx_ingest_batch_seconds', 'Time to write a batch (recent batches).', src, BUCKETS_MS, stats.recentBatchMs, 1000);
  metric('cx_ingest_consumer_lag', 'gauge', 'Messages behind the high watermark, per partition.',
    lag.map((l) => {
      const [topic, partition] = l.key.split('/');
      const behind = l.highWatermark - l.committed;
      return [`{topic="${topic}",partition="${partition}"}`, behind > 0n ? behind : 0n];
    }));
  return `${out.join('\n')}\n`;
}

function histogram(out: string[], name: string, help: string, labels: string, bounds: number[], values: readonly number[], scale = 1) {
  out.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
  for (const b of bounds) out.push(`${name}_bucket{${labels},le="${b / scale}"} ${values.filter((v) => v <= b).length}`);
  out.push(`${name}_bucket{${labels},le="+Inf"} ${values.length}`);
  out.push(`${name}_sum{${labels}} ${values.reduce((a, b) => a + b, 0) / scale}`);
  out.push(`${name}_count{${labels}} ${values.length}`);
}
