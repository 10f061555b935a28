import { describe, expect, test } from 'vitest';
import { cellText, isNumericType, nextSort, sortedOrder, tsvOf } from '../../../web/workbench/grid-model.ts';

const columns = [
  { name: 'county', type: 'LowCardinality(String)' },
  { name: 'amount', type: 'Nullable(Decimal(18, 2))' },
  { name: 'lines', type: 'UInt64' },
];
const rows = [
  ['禄丰市', '100.50', 9],
  ['楚雄市', '20.00', 10],
  ['姚安县', null, 2],
  ['大姚县', '3.25', 10],
];

test('numeric types are the integers, floats and decimals, wrapped or not', () => {
  expect(['UInt8', 'Int64', 'Float32', 'Decimal(18, 2)', 'Nullable(Decimal64(2))', 'LowCardinality(Nullable(UInt16))'].map(isNumericType)).toEqual([true, true, true, true, true, true]);
  expect(['String', 'Date', "DateTime('Asia/Shanghai')", "Enum8('a' = 1)", 'Array(UInt8)', 'UUID'].map(isNumericType)).toEqual([false, false, false, false, false, false]);
});

describe('sortedOrder', () => {
  test('decimals (strings in the result) sort as numbers, not as text; NULL last both ways', () => {
    expect([...sortedOrder(rows, columns, { column: 1, dir: 'asc' })]).toEqual([3, 1, 0, 2]);
    expect([...sortedOrder(rows, columns, { column: 1, dir: 'desc' })]).toEqual([0, 1, 3, 2]);
  });

  test('ties keep the engine\'s order, whichever way', () => {
    expect([...sortedOrder(rows, columns, { column: 2, dir: 'desc' })]).toEqual([1, 3, 0, 2]);
    expect([...sortedOrder(rows, columns, { column: 2, dir: 'asc' })]).toEqual([2, 0, 1, 3]);
  });

  test('text sorts in Chinese collation order; no sort is the engine\'s order', () => {
    const names = [...sortedOrder(rows, columns, { column: 0, dir: 'asc' })].map((i) => rows[i]![0] as string);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));
    expect([...sortedOrder(rows, columns, null)]).toEqual([0, 1, 2, 3]);
  });

  test('100,000 rows sort in well under a second', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => [`s${(i * 7919) % 100_000}`, String((i * 104_729) % 99_991 / 100), i]);
    const started = performance.now();
    const order = sortedOrder(many, columns, { column: 1, dir: 'desc' });
    expect(performance.now() - started).toBeLessThan(1_000);
    const descending = order.every((row, i) => i === 0 || Number(many[order[i - 1]!]![1]) >= Number(many[row]![1]));
    expect(descending).toBe(true);
  });
});

test('a header click sorts ascending, then descending, then not at all', () => {
  expect(nextSort(null, 2)).toEqual({ column: 2, dir: 'asc' });
  expect(nextSort({ column: 2, dir: 'asc' }, 2)).toEqual({ column: 2, dir: 'desc' });
  expect(nextSort({ column: 2, dir: 'desc' }, 2)).toBeNull();
  expect(nextSort({ column: 2, dir: 'desc' }, 0)).toEqual({ column: 0, dir: 'asc' });
});

test('cells: NULL, arrays and maps', () => {
  expect([null, 5, 'x', [1, 'a'], { k: 1 }].map(cellText)).toEqual(['NULL', '5', 'x', '[1,"a"]', '{"k":1}']);
});

describe('tsvOf', () => {
  test('header, then rows in the order shown; NULL empty', () => {
    expect(tsvOf(columns, rows, sortedOrder(rows, columns, { column: 1, dir: 'asc' })))
      .toBe('county\tamount\tlines\n大姚县\t3.25\t10\n楚雄市\t20.00\t10\n禄丰市\t100.50\t9\n姚安县\t\t2\n');
  });

  test('a tab, line break or quote in a value is quoted as spreadsheets expect', () => {
    expect(tsvOf([{ name: 'a', type: 'String' }, { name: 'b', type: 'String' }], [['x\ty', 'say "hi"\nbye']]))
      .toBe('a\tb\n"x\ty"\t"say ""hi""\nbye"\n');
  });
});
