// Retries a warehouse call while the failure is one a retry can fix (connection refused, server
// overloaded), with doubling backoff; any other failure is thrown at once.
import { isWarehouseError } from '../warehouse/warehouse.ts';

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
      if (!isWarehouseError(e) || !e.retryable) {
        if (attempt > 1) onWaiting?.(false);
        throw e;
      }
      const delay = Math.min(maxMs, initialMs * 2 ** (attempt - 1));
      onWaiting?.(true);
      onRetry(e, attempt, delay);
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
