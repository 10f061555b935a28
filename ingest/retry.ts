// Retries a warehouse call with doubling backoff until it succeeds, unless the engine refused it
// outright (an error code a retry will not change), which is thrown at once for the caller to
// isolate. Errors nobody recognises are tried again, not taken as final: while they last, ingest
// pauses (and says so through onRetry) instead of discarding what it holds.
import { isRefusal } from '../warehouse/warehouse.ts';

export interface RetryOptions {
  initialMs?: number; // 200 by default, doubling
  maxMs?: number; // 30_000 by default
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (error: Error, attempt: number, delayMs: number) => void;
  /** Called before each wait; a Kafka consumer heartbeats here, and may throw to give up. */
  beforeWait?: () => Promise<void>;
  onWaiting?: (waiting: boolean) => void;
}

export const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function withRetry<T>(action: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { initialMs = 200, maxMs = 30_000, sleep = defaultSleep, onRetry = () => {}, beforeWait, onWaiting } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await action();
      if (attempt > 1) onWaiting?.(false);
      return result;
    } catch (e) {
      if (isRefusal(e)) {
        if (attempt > 1) onWaiting?.(false);
        throw e;
      }
      const delay = Math.min(maxMs, initialMs * 2 ** (attempt - 1));
      onWaiting?.(true);
      onRetry(e as Error, attempt, delay);
      try {
        await beforeWait?.();
      } catch (giveUp) {
        onWaiting?.(false);
        throw giveUp;
      }
      await sleep(delay);
    }
  }
}
