// The in-process source: backfills past days from the generator as fast as the warehouse takes
// them, then emits a live stream at a set rate. It stands in for Kafka on the embedded default.
// Each backfill day is written as one deterministic sequence of batches (Pipeline.scope), and
// marked done after: a backfill cut short (Ctrl-C, kill -9) resumes where it stopped, the day it
// was in written again and the batches of it that had landed dropped by the engine.
import type { EventGenerator } from './generator.ts';
import type { Pipeline } from '../pipeline.ts';

export interface InProcessOptions {
  generator: EventGenerator;
  pipeline: Pipeline;
  backfillFrom?: string; // first day to backfill, YYYY-MM-DD; none by default
  backfillDays?: number; // 0 by default
  /** Days of the backfill already done (an earlier run's), skipped. */
  doneDays?: ReadonlySet<string>;
  /** Names the batch sequences of each day (`<scope>/<day>`): the generator's seed and scale. */
  scope?: string;
  /** After a day's batches all landed: record it done. */
  onDayDone?: (day: string, records: number) => Promise<void>;
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
    generator, pipeline, backfillFrom, backfillDays = 0, doneDays = new Set<string>(), scope = 'sim', onDayDone = async () => {}, ratePerSec = 5, clock = Date.now,
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)), onProgress = () => {},
  } = options;
  let phase: 'idle' | 'backfill' | 'live' | 'stopped' | 'done' = 'idle';
  let finished = false;
  let records = 0;

  let inDay = false;

  async function run(signal: AbortSignal) {
    try {
      if (backfillFrom && backfillDays > 0) {
        phase = 'backfill';
        // Newest day first: the views open on recent weeks, which then have data within seconds
        // while the history fills in behind them (each day draws from its own seed).
        // After the newest day done, the live stream of that run took over: those days are not
        // backfilled again; only the ones an interrupted run had not reached.
        const newestDone = [...doneDays].sort().at(-1);
        const days = generator.days(backfillFrom, backfillDays).reverse().filter((d) => !doneDays.has(d) && (newestDone === undefined || d < newestDone));
        for (const [i, day] of days.entries()) {
          if (signal.aborted) return;
          await pipeline.flush();
          pipeline.scope(`${scope}/${day}`);
          inDay = true;
          let n = 0;
          for (const r of generator.day(day)) {
            if (signal.aborted) return; // the day is written again, whole, next time
            await pipeline.submit(r.kind, r.value, 'generator');
            records++;
            n++;
          }
          await pipeline.flush();
          inDay = false;
          pipeline.scope(null);
          await onDayDone(day, n);
          onProgress({ day, done: i + 1, total: days.length, records });
        }
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
      // A day cut short is not written in part: its batches so far landed under their tokens, and
      // the rest is written when the day is, whole, again.
      if (inDay) {
        pipeline.discard();
        pipeline.scope(null);
        inDay = false;
      }
      await pipeline.flush();
      phase = finished ? 'done' : 'stopped';
    }
  }

  return {
    run,
    status: () => ({ running: phase === 'backfill' || phase === 'live', phase, records }),
  };
}
