// How many workbench queries run at once: at most `perAnalyst` of one analyst (a third is refused
// at once, with the two that run named, rather than queued behind them) and at most `total` of
// all (the engine runs one query per connection, and there are that many). Each running query is
// known by its id and its owner, so that only its owner can cancel it.
import { HttpError } from '../errors.ts';

export interface SqlSlots {
  /** Holds a slot for `queryId` of `login` until the returned release is called. */
  take(login: string, queryId: string): () => void;
  ownerOf(queryId: string): string | undefined;
  stats(): { running: number };
}

export function createSqlSlots(options: { perAnalyst: number; total: number }): SqlSlots {
  const owners = new Map<string, string>();
  const byLogin = new Map<string, Set<string>>();
  return {
    take(login, queryId) {
      if (owners.has(queryId)) throw new HttpError(409, 'conflict', `queryId: a query with id ${queryId} is already running`, 'queryId');
      const mine = byLogin.get(login) ?? new Set<string>();
      if (mine.size >= options.perAnalyst) {
        throw new HttpError(429, 'too_many_requests', `you already have ${mine.size} queries running (at most ${options.perAnalyst}); wait for one or cancel it`, undefined,
          { running: [...mine], retryAfterSeconds: 2 }, { 'Retry-After': '2' });
      }
      if (owners.size >= options.total) {
        throw new HttpError(503, 'busy', `the workbench is running ${owners.size} queries, its most at once; try again in a few seconds`, undefined,
          { retryAfterSeconds: 5 }, { 'Retry-After': '5' });
      }
      mine.add(queryId);
      byLogin.set(login, mine);
      owners.set(queryId, login);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        owners.delete(queryId);
        mine.delete(queryId);
        if (mine.size === 0) byLogin.delete(login);
      };
    },
    ownerOf: (queryId) => owners.get(queryId),
    stats: () => ({ running: owners.size }),
  };
}
