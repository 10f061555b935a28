// What main.ts holds of a running ingest, whichever the source.
import type { PipelineStats } from './stats.ts';

export interface RunningIngest {
  status(): { running: boolean; done?: boolean; source: string; accepted: number; rejected: number; lastFlushAt: string | null };
  metrics(): string;
  /** True while the source loads history (a backfill): past months' figures are not complete yet. */
  catchingUp?(): boolean;
  /** While a backfill runs, the days loaded of those it loads; null once it is done (or never was). */
  backfillProgress?(): { done: number; total: number } | null;
  /** Flushes what is in hand, commits, and stops reading. */
  stop(): Promise<void>;
}

export interface IngestLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The /healthz view of a source's counters. */
export function ingestStatus(stats: PipelineStats, running: boolean, source: string, done = false): ReturnType<RunningIngest['status']> {
  return {
    running, ...(done ? { done } : {}), source, accepted: stats.accepted,
    rejected: Object.values(stats.rejected).reduce((a, b) => a + (b ?? 0), 0),
    lastFlushAt: stats.lastFlushAt ? new Date(stats.lastFlushAt).toISOString() : null,
  };
}
