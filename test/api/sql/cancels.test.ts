// Cancelling when the cancel and its query cross: a cancel that comes before the run holds its slot,
// or before the engine lists the query, still stops it; only the owner may cancel; a query that
// has ended answers false at once. The slots are the real ones; the engine's KILL is a fake that
// finds the query only once the test says the engine has it.
import { expect, test } from 'vitest';
import { createCancels } from '../../../api/sql/cancels.ts';
import { createSqlSlots } from '../../../api/sql/slots.ts';

/** A clock that moves only when the code under test sleeps, and the KILLs it sent. */
function setup(options: { inEngineAfterKills?: number } = {}) {
  let now = 0;
  const slots = createSqlSlots({ perAnalyst: 2, total: 4 });
  const kills: string[] = [];
  let inEngine = false;
  const waiters: (() => void)[] = [];
  const cancels = createCancels({
    slots,
    clock: () => now,
    sleep: async (ms) => { now += ms; for (const w of waiters.splice(0)) w(); await Promise.resolve(); },
    kill: async (queryId) => {
      kills.push(queryId);
      if (options.inEngineAfterKills !== undefined && kills.length > options.inEngineAfterKills) inEngine = true;
      return inEngine;
    },
    arrivalMs: 1_000, retryMs: 50,
  });
  /** Resolves at the next sleep of the code under test. */
  const nextSleep = () => new Promise<void>((r) => waiters.push(r));
  return { slots, cancels, kills, time: () => now, nextSleep, setInEngine: () => { inEngine = true; } };
}

test('a cancel sent before its run holds a slot waits for it, and the run is told before it starts', async () => {
  const s = setup();
  const cancelling = s.cancels.cancel('ana', 'q-00000001');
  await s.nextSleep();
  expect(s.kills).toEqual([]); // nothing to kill yet: it waits for the query to arrive
  const release = s.slots.take('ana', 'q-00000001');
  await s.nextSleep();
  // Requested now: a run that has not reached the engine does not start it.
  expect(s.cancels.requested('q-00000001')).toBe(true);
  release();
  s.cancels.ended('q-00000001');
  expect(await cancelling).toBe(true);
  expect(s.cancels.requested('q-00000001')).toBe(false);
});

test('a query the engine does not list yet is killed once it does', async () => {
  const s = setup({ inEngineAfterKills: 3 });
  const release = s.slots.take('ana', 'q-00000002');
  expect(await s.cancels.cancel('ana', 'q-00000002')).toBe(true);
  expect(s.kills).toEqual(['q-00000002', 'q-00000002', 'q-00000002', 'q-00000002']);
  expect(s.time()).toBe(150);
  release();
});

test('another analyst cannot cancel it; an ended query answers false at once; an unknown one after the wait', async () => {
  const s = setup();
  const release = s.slots.take('ana', 'q-00000003');
  expect(await s.cancels.cancel('bo', 'q-00000003')).toBe(false);
  expect(s.cancels.requested('q-00000003')).toBe(false);
  release();
  s.cancels.ended('q-00000003');
  expect(await s.cancels.cancel('ana', 'q-00000003')).toBe(false);
  expect({ time: s.time(), kills: s.kills }).toEqual({ time: 0, kills: [] });
  expect(await s.cancels.cancel('ana', 'q-never-came')).toBe(false);
  expect({ time: s.time(), kills: s.kills }).toEqual({ time: 1_000, kills: [] });
});

test('a run that ends on its own while the KILL is tried again stops the trying', async () => {
  const s = setup();
  const release = s.slots.take('ana', 'q-00000004');
  const cancelling = s.cancels.cancel('ana', 'q-00000004');
  await s.nextSleep();
  release();
  s.cancels.ended('q-00000004');
  expect(await cancelling).toBe(true);
  expect(s.kills).toEqual(['q-00000004']); // tried once, then the run was over
});
