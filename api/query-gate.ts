// Bounded, fair access to the warehouse for queries made on behalf of users. At most
// `concurrency` run at once and at most `perCaller` for one caller; the rest wait in one queue per
// caller, served round-robin, so one person's flood of requests delays that person, not the others.
// Past `maxQueued` waiting queries a new one is refused at once (503) instead of piling up memory.

export interface QueryGateOptions {
  concurrency: number; // queries running at once; 2 by default (main.ts), the cores of this machine
  perCaller: number; // of which one caller may hold; 2 by default
  maxQueued: number; // waiting queries before new ones are refused; 100 by default
}

export class GateFullError extends Error {
  constructor() {
    super('too many queries are waiting; try again in a few seconds');
    this.name = 'GateFullError';
  }
}

export interface QueryGate {
  run<T>(caller: string, task: () => Promise<T>): Promise<T>;
  stats(): { running: number; queued: number; callers: number };
}

interface Waiting { start: () => void }

export function createQueryGate(options: QueryGateOptions): QueryGate {
  const { concurrency, perCaller, maxQueued } = options;
  const running = new Map<string, number>();
  const queues = new Map<string, Waiting[]>();
  // When each caller was last served: the free slot goes to the waiting caller served longest ago.
  const served = new Map<string, number>();
  let seq = 0;
  let total = 0;
  let queued = 0;

  function pump(): void {
    while (total < concurrency) {
      let picked: string | undefined;
      for (const [caller, queue] of queues) {
        if (queue.length === 0 || (running.get(caller) ?? 0) >= perCaller) continue;
        if (picked === undefined || (served.get(caller) ?? 0) < (served.get(picked) ?? 0)) picked = caller;
      }
      if (picked === undefined) return;
      const queue = queues.get(picked)!;
      const next = queue.shift()!;
      queued--;
      if (queue.length === 0) queues.delete(picked);
      if (served.size > 10_000) served.clear(); // bounded; forgetting only makes everyone equal again
      served.set(picked, ++seq);
      next.start();
    }
  }

  return {
    run(caller, task) {
      if (queued >= maxQueued) return Promise.reject(new GateFullError());
      return new Promise((resolve, reject) => {
        const start = () => {
          total++;
          running.set(caller, (running.get(caller) ?? 0) + 1);
          task().then(resolve, reject).finally(() => {
            total--;
            const n = running.get(caller)! - 1;
            if (n === 0) running.delete(caller);
            else running.set(caller, n);
            pump();
          });
        };
        const queue = queues.get(caller);
        if (queue) queue.push({ start });
        else queues.set(caller, [{ start }]);
        queued++;
        pump();
      });
    },
    stats: () => ({ running: total, queued, callers: new Set([...running.keys(), ...[...queues].filter(([, q]) => q.length > 0).map(([c]) => c)]).size }),
  };
}
