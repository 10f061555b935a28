// Cancelling a workbench query. A cancel can reach the API before its query reaches the engine:
// the run's request and the cancel's cross on the way (the page sends the cancel the moment the
// button is pressed), the run is still being checked, it waits for a free connection, or the
// engine has not listed it yet. A KILL then finds nothing, and the query would run on to its time
// limit while the page says it was cancelled. So a cancel is remembered for its query, a run does
// not start a query already cancelled, and the KILL is tried again until the query is gone.
import type { SqlSlots } from './slots.ts';

export interface Cancels {
  /** Stops the query `queryId` of `login`: true if it was running or about to, false if it is not theirs or had ended. */
  cancel(login: string, queryId: string): Promise<boolean>;
  /** Whether the owner of `queryId` asked to cancel it; a run asks before it starts the query. */
  requested(queryId: string): boolean;
  /** The run of `queryId` is over, however it ended. */
  ended(queryId: string): void;
}

export interface CancelsOptions {
  slots: SqlSlots;
  /** Asks the engine to stop the query; true if it found it. */
  kill(queryId: string): Promise<boolean>;
  /** How long a cancel waits for a query it does not know yet to arrive; 3 s by default. */
  arrivalMs?: number;
  /** How often the KILL is tried again; 50 ms by default. */
  retryMs?: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
}

/** How many ended queries are remembered, so that a cancel of one answers at once. */
const REMEMBERED = 1000;

export function createCancels(options: CancelsOptions): Cancels {
  const { slots, kill, arrivalMs = 3_000, retryMs = 50, clock = Date.now } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const requested = new Set<string>();
  const ended = new Set<string>();

  /** The query's owner once its run holds a slot; undefined if it ended or did not arrive in time. */
  async function ownerOf(queryId: string): Promise<string | undefined> {
    const until = clock() + arrivalMs;
    for (;;) {
      const owner = slots.ownerOf(queryId);
      if (owner !== undefined || ended.has(queryId) || clock() >= until) return owner;
      await sleep(retryMs);
    }
  }

  return {
    async cancel(login, queryId) {
      if ((await ownerOf(queryId)) !== login) return false;
      requested.add(queryId);
      // Until the engine has it, a KILL finds nothing; the run ends (as cancelled, or done) either way.
      while (slots.ownerOf(queryId) === login) {
        if (await kill(queryId)) return true;
        await sleep(retryMs);
      }
      return true;
    },
    requested: (queryId) => requested.has(queryId),
    ended(queryId) {
      requested.delete(queryId);
      ended.add(queryId);
      if (ended.size > REMEMBERED) ended.delete(ended.values().next().value!);
    },
  };
}
