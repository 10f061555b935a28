import { expect, test } from 'vitest';
import { createDataVersion } from '../../api/data-version.ts';
import type { Queries } from '../../warehouse/queries.ts';

const queries = { 'data-version': 'SELECT version' } as unknown as Queries;

/** A reader whose version query answers when the test says, with the parts count it is given. */
function fakeReader() {
  const asked: ((parts: number) => void)[] = [];
  return {
    asked,
    reader: {
      query: <T>() => new Promise<T[]>((resolve) => asked.push((parts) => resolve([{ modified: 100, parts, rows: 5 }] as T[]))),
    },
  };
}

test('within the interval the version read is reused; after a write the next caller reads it again', async () => {
  const { asked, reader } = fakeReader();
  const v = createDataVersion({ reader, queries, clock: () => 0, timer: false });
  const first = v.current();
  asked[0]!(1);
  expect(await first).toBe('100.1.5');
  expect(await v.current()).toBe('100.1.5');
  expect(asked).toHaveLength(1);
  v.changed();
  const after = v.current();
  expect(asked).toHaveLength(2);
  asked[1]!(2);
  expect(await after).toBe('100.2.5');
  expect(await v.current()).toBe('100.2.5');
  expect(asked).toHaveLength(2);
});

test('a read started before a write, answering after it, is not kept for later callers', async () => {
  const { asked, reader } = fakeReader();
  const v = createDataVersion({ reader, queries, clock: () => 0, timer: false });
  const before = v.current();
  v.changed();
  asked[0]!(1); // the version from before the write
  expect(await before).toBe('100.1.5');
  const after = v.current();
  expect(asked).toHaveLength(2);
  asked[1]!(2);
  expect(await after).toBe('100.2.5');
});
