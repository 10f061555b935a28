// The batch code's one definition: what it makes from an origin, a day and a lot, the example the
// trace page shows, and that the simulator's codes are made by it (origin and day read back).
import { describe, expect, test } from 'vitest';
import { BATCH_CODE, BATCH_CODE_EXAMPLE, formatBatchCode } from '../../contracts/batch-code.ts';
import type { DistributionTxn } from '../../contracts/events.ts';
import { createGenerator } from '../../ingest/sources/generator.ts';
import { loadModelData } from '../../ingest/sources/model-data.ts';

describe('formatBatchCode', () => {
  test('CX, the origin\'s code, the day as yymmdd, the lot in 4 digits', () => {
    expect(formatBatchCode('532302', '2026-11-30', 218)).toBe('CX-532302-261130-0218');
    expect(formatBatchCode('532324103', '2025-08-15', 42)).toBe('CX-532324103-250815-0042');
    expect(formatBatchCode('532301', '2025-01-01', 9999)).toBe('CX-532301-250101-9999');
  });

  test('refuses what it cannot make a code of, naming the value', () => {
    expect(() => formatBatchCode('5323', '2026-11-30', 1)).toThrow('invalid origin area code: 5323');
    expect(() => formatBatchCode('532302', '20261130', 1)).toThrow('invalid day: 20261130');
    expect(() => formatBatchCode('532302', '2026-11-30', 10_000)).toThrow('invalid lot number: 10000');
  });

  test('the example is a county\'s code, as real batches are: the 9-digit township one of old was not', () => {
    expect(BATCH_CODE_EXAMPLE).toBe('CX-532302-261130-0218');
    expect(BATCH_CODE.test(BATCH_CODE_EXAMPLE)).toBe(true);
  });
});

test('the simulator\'s batch codes read back as the product\'s origin and the order\'s day', () => {
  const model = loadModelData(42);
  const origin = new Map(model.products.map((p) => [p.sku, p.originAreaCode]));
  const gen = createGenerator({ ...model, seed: 42 });
  const up = [...gen.day('2025-08-15'), ...gen.day('2025-12-01')]
    .flatMap((r) => (r.kind === 'distribution' && (r.value as DistributionTxn).traceBatch ? [r.value as DistributionTxn] : []));
  expect(up.length).toBeGreaterThan(20);
  for (const t of up) {
    const m = BATCH_CODE.exec(t.traceBatch!);
    expect(m, t.traceBatch).not.toBeNull();
    expect(m![1]).toBe(origin.get(t.sku));
    expect(m![2]).toBe(t.occurredAt.slice(2, 10).replaceAll('-', ''));
  }
});
