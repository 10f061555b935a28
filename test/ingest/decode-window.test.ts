// Event times outside the accepted window are dead letters with reason out_of_range: the engine
// would clamp them to 1970 or 2106, and a batch whose rows span more than 100 months is refused whole.
import { expect, test } from 'vitest';
import { decodeEvent } from '../../ingest/decode.ts';
import { createGenerator } from '../../ingest/sources/generator.ts';
import { loadModelData } from '../../ingest/sources/model-data.ts';

const SENT = Date.parse('2026-07-14T12:00:00+08:00'); // when the message was sent
const gen = createGenerator({ ...loadModelData(5), seed: 5 });
const day = [...gen.day('2026-07-01')];
const receipt = day.find((r) => r.kind === 'pos')!.value as Record<string, unknown>;
const parcel = day.find((r) => r.kind === 'parcel')!.value as Record<string, unknown>;
const order = day.find((r) => r.kind === 'distribution')!.value as Record<string, unknown>;

test.each([
  ['1999-12-31 23:59:59', false],
  ['2000-01-01 00:00:00', true],
  ['2026-07-15 12:00:00', true], // a day after it was sent: a device clock a little ahead
  ['2026-07-15 12:00:01', false],
  ['0001-01-01 00:00:00', false],
  ['9999-12-31 23:59:59', false],
])('a receipt sold at %s, sent 2026-07-14 12:00: accepted %s', (soldAt, accepted) => {
  const d = decodeEvent('pos', { ...receipt, soldAt }, 1 << 20, SENT);
  if (accepted) expect(d).toMatchObject({ ok: true });
  else expect(d).toEqual({ ok: false, reason: 'out_of_range', detail: `soldAt ${soldAt}: outside 2000-01-01 00:00:00 .. 2026-07-15 12:00:00 (Asia/Shanghai; up to a day after it was sent)` });
});

test('a parcel count and a distribution order are held to the same window, by their day and time', () => {
  expect(decodeEvent('parcel', { ...parcel, day: '1999-12-31' }, 1 << 20, SENT)).toMatchObject({ ok: false, reason: 'out_of_range' });
  expect(decodeEvent('parcel', { ...parcel, day: '2026-07-15' }, 1 << 20, SENT)).toMatchObject({ ok: true });
  expect(decodeEvent('parcel', { ...parcel, day: '2026-07-16' }, 1 << 20, SENT)).toMatchObject({ ok: false, reason: 'out_of_range' });
  expect(decodeEvent('distribution', { ...order, occurredAt: '2031-01-01 00:00:00' }, 1 << 20, SENT)).toMatchObject({ ok: false, reason: 'out_of_range' });
  expect(decodeEvent('distribution', { ...order, occurredAt: '2026-07-14 12:00:00' }, 1 << 20, SENT)).toMatchObject({ ok: true });
});
