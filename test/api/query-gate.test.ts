// The query gate's own logic, with tasks we finish by hand: the bound on running queries, the
// per-caller bound, round-robin between callers, and refusal when the queue is full.
import { describe, expect, test } from 'vitest';
import { createQueryGate, GateFullError } from '../../api/query-gate.ts';

function manual() {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const task = (name: string) => () => new Promise<string>((resolve) => {
    started.push(name);
    finish.set(name, () => resolve(name));
  });
  return { started, task, done: async (name: string) => { finish.get(name)!(); await new Promise((r) => setImmediate(r)); } };
}

describe('query gate', () => {
  test('runs at most `concurrency` at once, and starts the next when one ends', async () => {
    const gate = createQueryGate({ concurrency: 2, perCaller: 2, maxQueued: 10 });
    const m = manual();
    const results = ['a1', 'a2', 'a3'].map((n) => gate.run('a', m.task(n)));
    await new Promise((r) => setImmediate(r));
    expect(m.started).toEqual(['a1', 'a2']);
    expect(gate.stats()).toMatchObject({ running: 2, queued: 1 });
    await m.done('a1');
    expect(m.started).toEqual(['a1', 'a2', 'a3']);
    await m.done('a2');
    await m.done('a3');
    expect(await Promise.all(results)).toEqual(['a1', 'a2', 'a3']);
    expect(gate.stats()).toEqual({ running: 0, queued: 0, callers: 0 });
  });

  test('a caller with a flood of queries waits its turn: others are served round-robin', async () => {
    const gate = createQueryGate({ concurrency: 1, perCaller: 1, maxQueued: 100 });
    const m = manual();
    for (let i = 1; i <= 4; i++) void gate.run('flood', m.task(`f${i}`));
    void gate.run('b', m.task('b1'));
    void gate.run('c', m.task('c1'));
    void gate.run('b', m.task('b2'));
    await new Promise((r) => setImmediate(r));
    for (const name of ['f1', 'b1', 'c1', 'f2', 'b2', 'f3', 'f4']) await m.done(name);
    expect(m.started).toEqual(['f1', 'b1', 'c1', 'f2', 'b2', 'f3', 'f4']);
  });

  test('one caller holds at most `perCaller` slots even when more are free', async () => {
    const gate = createQueryGate({ concurrency: 4, perCaller: 2, maxQueued: 10 });
    const m = manual();
    for (let i = 1; i <= 3; i++) void gate.run('a', m.task(`a${i}`));
    void gate.run('b', m.task('b1'));
    await new Promise((r) => setImmediate(r));
    expect(m.started).toEqual(['a1', 'a2', 'b1']);
  });

  test('past `maxQueued` waiting queries a new one is refused at once', async () => {
    const gate = createQueryGate({ concurrency: 1, perCaller: 1, maxQueued: 2 });
    const m = manual();
    void gate.run('a', m.task('a1')); // runs
    void gate.run('a', m.task('a2')); // waits
    void gate.run('b', m.task('b1')); // waits
    await expect(gate.run('c', m.task('c1'))).rejects.toBeInstanceOf(GateFullError);
    expect(m.started).toEqual(['a1']);
  });

  test('a failing query frees its slot and reaches its caller', async () => {
    const gate = createQueryGate({ concurrency: 1, perCaller: 1, maxQueued: 2 });
    await expect(gate.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run('a', async () => 'next')).toBe('next');
  });
});
