import { expect, test } from 'vitest';
import { sourceName } from '../../web/ingest-source.ts';

test('the ingest source in the reader\'s words, and anything unknown as it came', () => {
  expect(sourceName('in-process (backfill)', 'zh')).toBe('内置模拟数据（回填历史数据）');
  expect(sourceName('in-process (live)', 'en')).toBe('built-in simulator (live)');
  expect(sourceName('kafka (cx-ingest)', 'zh')).toBe('Kafka（消费组 cx-ingest）');
  expect(sourceName('kafka (cx-ingest)', 'en')).toBe('Kafka (group cx-ingest)');
  expect(sourceName('in-process (warming)', 'zh')).toBe('in-process (warming)');
  expect(sourceName('file import', 'zh')).toBe('file import');
});
