// Events to warehouse rows: the time every form of it may be written in lands on the Shanghai wall
// clock the DateTime('Asia/Shanghai') columns read (expected values worked out by hand).
import { expect, test } from 'vitest';
import { distributionRows, posRows } from '../../ingest/rows.ts';
import { POS_FIXTURE } from '../fixtures/warehouse.ts';

const at = (soldAt: string) => posRows({ ...POS_FIXTURE[3]!, soldAt })[0]!.sold_at;

test('a receipt time in each accepted form, on the Shanghai wall clock', () => {
  expect(at('2026-03-15 23:59:59')).toBe('2026-03-15 23:59:59'); // already the wall clock
  expect(at('2026-03-15T23:59:59')).toBe('2026-03-15 23:59:59');
  expect(at('2026-03-15 23:59:59.999')).toBe('2026-03-15 23:59:59'); // the column keeps seconds
  expect(at('2026-03-08T16:30:00Z')).toBe('2026-03-09 00:30:00'); // UTC + 8 h, the next day
  expect(at('2026-03-08T10:30:00+07:00')).toBe('2026-03-08 11:30:00');
  expect(at('2025-12-31T23:00:00-01:00')).toBe('2026-01-01 08:00:00');
});

test('a receipt becomes one row per line, numbered from 1, with its area split', () => {
  const rows = posRows(POS_FIXTURE[0]!);
  expect(rows.map((r) => [r.receipt_id, r.line_no, r.county_code, r.township_code, r.village_code, r.amount_fen])).toEqual([
    ['R-1', 1, '532302', '532302101', '532302101001', 600],
    ['R-1', 2, '532302', '532302101', '532302101001', 3990],
  ]);
});

test('a distribution time with an offset is moved to the wall clock too', () => {
  const [row] = distributionRows({
    schemaVersion: 1, txnId: 'T-1', occurredAt: '2026-07-01T00:15:00Z', sellerId: 'CO-1', buyerId: 'KM-1', direction: 'upstream',
    channel: 'offline', sku: 'mushroom-1kg', category: 'produce.mushroom', quantity: 2, weightG: 2000, amountFen: 9000,
    originAreaCode: '532301100', destCityCode: '530100',
  });
  expect(row!.occurred_at).toBe('2026-07-01 08:15:00');
});
