import { describe, expect, test } from 'vitest';
import { baseType, findParams, paramValues } from '../../../web/workbench/params.ts';

describe('findParams', () => {
  test('each {name:Type} once, in order of first use, with its type as written', () => {
    const sql = `SELECT * FROM pos_lines
      WHERE sold_at >= {from:Date} AND sold_at < {to: Date}
        AND county_code IN {counties:Array(String)} AND amount_fen > {min:Nullable(Decimal(18, 2))}
        AND sold_at >= {from:Date}`;
    expect(findParams(sql)).toEqual([
      { name: 'from', type: 'Date' },
      { name: 'to', type: 'Date' },
      { name: 'counties', type: 'Array(String)' },
      { name: 'min', type: 'Nullable(Decimal(18, 2))' },
    ]);
  });

  test('braces in strings, quoted names and comments are not parameters', () => {
    const sql = `SELECT '{a:String}', "{b:String}", \`{c:String}\`, 'it''s {d:UInt8}', 'esc\\' {e:UInt8}' -- {f:Date}
      /* {g:Date} */ FROM t WHERE x = {h:UInt32}`;
    expect(findParams(sql)).toEqual([{ name: 'h', type: 'UInt32' }]);
  });

  test('a map literal or an unfinished brace is not a parameter', () => {
    expect(findParams("SELECT map('a', 1), {'x': 1}, {bad name:Date} FROM t WHERE d = {day")).toEqual([]);
  });
});

test('baseType unwraps Nullable and LowCardinality', () => {
  expect(baseType('Nullable(Date)')).toBe('Date');
  expect(baseType('LowCardinality(Nullable(String))')).toBe('String');
  expect(baseType('Array(Nullable(String))')).toBe('Array(Nullable(String))');
});

test('values go as typed text; an empty Nullable one is NULL, an empty other one the empty string', () => {
  const params = [{ name: 'from', type: 'Date' }, { name: 'n', type: 'UInt64' }, { name: 'opt', type: 'Nullable(String)' }, { name: 's', type: 'String' }];
  expect(paramValues(params, { from: '2026-03-01', n: '18446744073709551615', stale: 'x' }))
    .toEqual({ from: '2026-03-01', n: '18446744073709551615', opt: null, s: '' });
});
