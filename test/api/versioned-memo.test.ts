import { expect, test } from 'vitest';
import { createVersionedMemo } from '../../api/versioned-memo.ts';

test('an answer is made once per key and data version, and made again when the version moves', async () => {
  let version = 'v1';
  const memo = createVersionedMemo(async () => version);
  let made = 0;
  const make = async () => ++made;
  expect(await Promise.all([memo.get('a', make), memo.get('a', make)])).toEqual([1, 1]);
  expect(await memo.get('b', make)).toBe(2);
  expect(await memo.get('a', make)).toBe(1);
  version = 'v2';
  expect(await memo.get('a', make)).toBe(3);
  expect(await memo.get('b', make)).toBe(4);
  expect(made).toBe(4);
});

test('a failure is not kept: the next call asks again', async () => {
  const memo = createVersionedMemo(async () => 'v1');
  let calls = 0;
  const flaky = async () => { calls++; if (calls === 1) throw new Error('warehouse busy'); return 'rows'; };
  await expect(memo.get('k', flaky)).rejects.toThrow('warehouse busy');
  expect(await memo.get('k', flaky)).toBe('rows');
  expect(await memo.get('k', flaky)).toBe('rows');
  expect(calls).toBe(2);
});

test('it holds at most maxEntries answers, forgetting them all past that', async () => {
  const memo = createVersionedMemo(async () => 'v1', 2);
  let made = 0;
  const make = async () => ++made;
  await memo.get('a', make);
  await memo.get('b', make);
  await memo.get('c', make); // clears a and b
  expect(await memo.get('c', make)).toBe(3);
  expect(await memo.get('a', make)).toBe(4);
});
