// Counters of the pipeline, read by /healthz now and by /metrics later.
import type { RejectReason } from './decode.ts';

export interface PipelineStats {
  consumed: number; // records submitted
  accepted: number; // events whose rows the warehouse acknowledged
  rejected: Partial<Record<RejectReason, number>>;
  rowsInserted: Record<string, number>; // per table
  batches: number;
  lastBatchRows: number;
  lastBatchMs: number;
  lastFlushAt: number | null; // epoch ms
  waitingForWarehouse: boolean;
}

export function createStats() {
  const s: PipelineStats = {
    consumed: 0, accepted: 0, rejected: {}, rowsInserted: {}, batches: 0,
    lastBatchRows: 0, lastBatchMs: 0, lastFlushAt: null, waitingForWarehouse: false,
  };
  return {
    consumed() { s.consumed++; },
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
    },
    setWaiting(waiting: boolean) { s.waitingForWarehouse = waiting; },
    snapshot(): PipelineStats {
      return { ...s, rejected: { ...s.rejected }, rowsInserted: { ...s.rowsInserted } };
    },
  };
}
