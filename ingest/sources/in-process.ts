// The in-process source: backfills past days from the generator as fast as the warehouse takes
// them, then emits a live stream at a set rate. It stands in for Kafka on the embedded default.
import type { EventGenerator } from './generator.ts';
import type { Pipeline } from '../pipeline.ts';

export interface InProcessOptions {
  generator: EventGenerator;
  pipeline: Pipeline;
  backfillFrom?: string; // first day to backfill, YYYY-MM-DD; none by default
  backfillDays?: number; // 0 by default
  ratePerSec?: number; // live receipts per second after the backfill; 5 by default, 0 stops after backfill
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (p: { day: string; done: number; total: number; records: number }) => void;
}

export interface InProcessSource {
  /** Runs until `signal` aborts (or, with rate 0, until the backfill is done); then flushes. */
  run(signal: AbortSignal): Promise<void>;
  /** `done`: the backfill finished and no live stream was asked for (rate 0). */
  status(): { running: boolean; phase: 'idle' | 'backfill' | 'live' | 'stopped' | 'done'; records: number };
}

export function createInProcessSource(options: InProcessOptions): InProcessSource {
  const {
    generator, pipeline, backfillFrom, backfillDays = 0, ratePerSec = 5, clock = Date.now,
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)), onProgress = () => {},
  } = options;
  let phase: 'idle' | 'backfill' | 'live' | 'stopped' | 'done' = 'idle';
  let finished = false;
  let records = 0;

  async function run(signal: AbortSignal) {
    try {
      if (backfillFrom && backfillDays > 0) {
        phase = 'backfill';
        // Newest day first: the views open on recent weeks, which then have data within seconds
        // while the history fills in behind them (each day draws from its own seed).
        const days = generator.days(backfillFrom, backfillDays).reverse();
        for (const [i, day] of days.entries()) {
          if (signal.aborted) return;
          for (const r of generator.day(day)) {
            await pipeline.submit(r.kind, r.value, 'generator');
            records++;
          }
          onProgress({ day, done: i + 1, total: days.length, records });
        }
        await pipeline.flush();
      }
      if (ratePerSec <= 0) {
        finished = !signal.aborted;
        return;
      }
      phase = 'live';
      let last = clock();
      while (!signal.aborted) {
        await sleep(1000);
        const now = clock();
        const count = Math.round(((now - last) / 1000) * ratePerSec);
        for (const r of generator.live(last, now, count)) {
          await pipeline.submit(r.kind, r.value, 'generator');
          records++;
        }
        last = now;
      }
    } finally {
      await pipeline.flush();
      phase = finished ? 'done' : 'stopped';
    }
  }

  return {
    run,
    status: () => ({ running: phase === 'backfill' || phase === 'live', phase, records }),
  };
}
