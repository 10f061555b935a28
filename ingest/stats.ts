// Counters of the pipeline, read by /healthz now and by /metrics later.
import type { RejectReason } from './decode.ts';

export interface PipelineStats {
  consumed: number; // records submitted
  accepted: number; // events whose rows the warehouse acknowledged
  rejected: Partial<Record<RejectReason, number>>;
  duplicates: number; // events dropped because their id was already written, and records of a range done before
  rowsInserted: Record<string, number>; // per table
  batches: number;
  lastBatchRows: number;
  lastBatchMs: number;
  lastFlushAt: number | null; // epoch ms
  waitingForWarehouse: boolean;
  recentBatchRows: number[]; // the last 1,000 batches
  recentBatchMs: number[];
}

const RECENT = 1_000;

export function createStats() {
  const s: PipelineStats = {
    consumed: 0, accepted: 0, rejected: {}, duplicates: 0, rowsInserted: {}, batches: 0,
    lastBatchRows: 0, lastBatchMs: 0, lastFlushAt: null, waitingForWarehouse: false, recentBatchRows: [], recentBatchMs: [],
  };
  return {
    consumed() { s.consumed++; },
    duplicates(n: number) { s.duplicates += n; },
    rejected(reason: RejectReason) { s.rejected[reason] = (s.rejected[reason] ?? 0) + 1; },
    inserted(table: string, rows: number, events: number) {
      s.rowsInserted[table] = (s.rowsInserted[table] ?? 0) + rows;
      s.accepted += events;
    },
    flushed(rows: number, ms: number, at: number) {
      s.batches++;
      s.lastBatchRows = rows;
      s.lastBatchMs = ms;
      s.lastFlushAt = at;
      s.recentBatchRows.push(rows);
      s.recentBatchMs.push(ms);
      if (s.recentBatchRows.length > RECENT) s.recentBatchRows.shift();
      if (s.recentBatchMs.length > RECENT) s.recentBatchMs.shift();
    },
    setWaiting(waiting: boolean) { s.waitingForWarehouse = waiting; },
    snapshot(): PipelineStats {
      return {
        ...s, rejected: { ...s.rejected }, rowsInserted: { ...s.rowsInserted },
        recentBatchRows: [...s.recentBatchRows], recentBatchMs: [...s.recentBatchMs],
      };
    },
  };
}
