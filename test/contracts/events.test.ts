import { describe, expect, test } from 'vitest';
import { distributionTxn, parcelVolume, posReceipt } from '../../contracts/events.ts';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

const receipt = {
  schemaVersion: 1, receiptId: 'R20260302-VS-532302101001-1', storeId: 'VS-532302101001', areaCode: '532302101001',
  soldAt: '2026-03-02 10:00:00', channel: 'offline', payment: 'wechat', totalFen: 4590,
  lines: [
    { sku: 'water-550ml', barcode: '6921168509256', category: 'beverages.water', quantity: 3, unitPriceFen: 200, amountFen: 600 },
    { sku: 'rice-5kg', category: 'grain_oil.rice', quantity: 1, unitPriceFen: 3990, amountFen: 3990 },
  ],
};

describe('POS receipt', () => {
  test('a valid receipt parses, with discountFen defaulting to 0', () => {
    const r = posReceipt.parse(receipt);
    expect(r.lines.map((l) => l.discountFen)).toEqual([0, 0]);
  });

  test.each([
    [{ schemaVersion: 2 }, 'schemaVersion: Invalid input: expected 1'],
    [{ receiptId: '' }, 'receiptId: must be 1-64 letters, digits or . _ : -'],
    [{ areaCode: '5323021' }, 'areaCode: must be a 9-digit township or 12-digit village NBS code'],
    [{ soldAt: '2026-02-30 10:00:00' }, 'soldAt: must be a time like 2026-07-14 09:30:00 (Asia/Shanghai) or ISO 8601 with an offset'],
    [{ channel: 'mail' }, 'channel: Invalid option: expected one of "offline"|"online_proxy"'],
    [{ totalFen: 4591 }, "totalFen: must equal the sum of the lines' amountFen"],
    [{ lines: [], totalFen: 0 }, 'lines: Too small: expected array to have >=1 items'],
  ])('%o is refused: %s', (patch, message) => {
    expect(issues(posReceipt.safeParse({ ...receipt, ...patch }))).toEqual([message]);
  });

  test('a line whose amount is not quantity x price - discount is refused at that line', () => {
    const bad = { ...receipt, totalFen: 4589, lines: [{ ...receipt.lines[0], amountFen: 599 }, receipt.lines[1]] };
    expect(issues(posReceipt.safeParse(bad))).toEqual(['lines.0.amountFen: must equal quantity x unitPriceFen - discountFen']);
  });

  test('money must be integer fen and quantities positive integers', () => {
    const bad = { ...receipt, lines: [{ ...receipt.lines[0], unitPriceFen: 2.5, quantity: 0 }] };
    expect(issues(posReceipt.safeParse(bad))).toEqual([
      'lines.0.quantity: Too small: expected number to be >0',
      'lines.0.unitPriceFen: Invalid input: expected int, received number',
    ]);
  });

  test('a time with an offset is accepted', () => {
    expect(posReceipt.safeParse({ ...receipt, soldAt: '2026-03-02T02:00:00Z' }).success).toBe(true);
    expect(posReceipt.safeParse({ ...receipt, soldAt: '2026-03-02T10:00:00+08:00' }).success).toBe(true);
  });
});

const upstream = {
  schemaVersion: 1, txnId: 'U20260715-1', occurredAt: '2026-07-15 14:00:00', sellerId: 'COOP-532324', buyerId: 'buyer-12',
  direction: 'upstream', channel: 'online', platform: 'pinduoduo', sku: 'wild-mushroom-500g', category: 'produce.mushroom',
  quantity: 10, weightG: 5200, amountFen: 68000, originAreaCode: '532324101', destCityCode: '530100', traceBatch: 'NH2026071501',
};

describe('distribution transaction', () => {
  test('a valid upstream online order parses', () => {
    expect(distributionTxn.parse(upstream).destCityCode).toBe('530100');
  });

  test('upstream needs a destination city, downstream a destination store, online a platform', () => {
    const { destCityCode: _c, platform: _p, ...rest } = upstream;
    expect(issues(distributionTxn.safeParse(rest))).toEqual([
      'destCityCode: is required for upstream goods',
      'platform: is required for an online order',
    ]);
    expect(issues(distributionTxn.safeParse({ ...upstream, direction: 'downstream' }))).toEqual([
      'destStoreId: is required for downstream goods',
    ]);
  });

  test('weight is integer grams and never negative', () => {
    expect(issues(distributionTxn.safeParse({ ...upstream, weightG: -1 }))).toEqual(['weightG: Too small: expected number to be >=0']);
  });
});

describe('parcel volume', () => {
  const parcel = {
    schemaVersion: 1, recordId: 'P20260715-ST-532302101-out', stationId: 'ST-532302101', areaCode: '532302101',
    day: '2026-07-15', direction: 'out', carrier: 'ems', parcels: 42, weightG: 61000,
  };
  test('a valid record parses', () => {
    expect(parcelVolume.parse(parcel).parcels).toBe(42);
  });
  test.each([
    [{ direction: 'up' }, 'direction: Invalid option: expected one of "out"|"in"'],
    [{ day: '2026-7-15' }, 'day: must be a calendar day YYYY-MM-DD'],
    [{ carrier: 'EMS' }, 'carrier: must be a lower-case carrier code'],
    [{ parcels: 1.5 }, 'parcels: Invalid input: expected int, received number'],
  ])('%o is refused: %s', (patch, message) => {
    expect(issues(parcelVolume.safeParse({ ...parcel, ...patch }))).toEqual([message]);
  });
});
