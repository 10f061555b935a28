import { expect, test } from 'vitest';
import { parseConfig } from '../config.ts';

test('an empty environment gives the embedded default on port 3000', () => {
  expect(parseConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: '.data/chdb' });
  expect(parseConfig({}).SIM_BACKFILL_DAYS).toBeUndefined();
  expect(parseConfig({}).CLICKHOUSE_URL).toBeUndefined();
});

test('values are coerced, and a bad one names the variable', () => {
  expect(parseConfig({ PORT: '8080', CLICKHOUSE_URL: 'http://ch:8123' })).toMatchObject({ PORT: 8080, CLICKHOUSE_URL: 'http://ch:8123' });
  expect(() => parseConfig({ PORT: 'eighty' })).toThrow('invalid environment variable PORT: Invalid input: expected number, received NaN');
  expect(() => parseConfig({ CLICKHOUSE_URL: 'not a url' })).toThrow('invalid environment variable CLICKHOUSE_URL: Invalid URL');
});
