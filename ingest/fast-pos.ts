// A POS receipt checked by hand, for the ingest's hot path: the zod schema in contracts/events.ts
// stays the one definition of a valid receipt, and this only answers "certainly valid, and here is
// what zod would give" or "not sure". Not sure (anything unusual, and every invalid receipt) goes
// to zod, which decides and words the reason. 85% of events are receipts, and zod's parse was more
// than half the time of decoding one. test/ingest/fast-pos.test.ts holds both to the same answers
// over the simulator's receipts and thousands of broken and edge-case ones.
import type { PosLine, PosReceipt } from '../contracts/events.ts';
import { parseShanghaiTime } from '../contracts/time.ts';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const AREA = /^\d{9}(\d{3})?$/;
const CATEGORY = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){0,3}$/;
const BARCODE = /^\d{8}(\d{4,6})?$/;
const CHANNELS = new Set(['offline', 'online_proxy']);
const PAYMENTS = new Set(['cash', 'wechat', 'alipay', 'unionpay', 'card', 'credit', 'other']);

const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
// zod's z.int(): a safe integer; fen and grams are at least 0.
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The receipt as zod would parse it, with the instant of `soldAt`; undefined when not certainly valid. */
export function fastPosReceipt(value: unknown): { event: PosReceipt; at: number } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const r = value as Record<string, unknown>;
  const { receiptId, storeId, areaCode, soldAt, channel, payment, totalFen, lines } = r;
  if (r.schemaVersion !== 1 || !isId(receiptId) || !isId(storeId)) return undefined;
  if (typeof areaCode !== 'string' || !AREA.test(areaCode) || typeof soldAt !== 'string') return undefined;
  if (typeof channel !== 'string' || !CHANNELS.has(channel) || typeof payment !== 'string' || !PAYMENTS.has(payment)) return undefined;
  if (!isCount(totalFen) || !Array.isArray(lines) || lines.length < 1 || lines.length > 500) return undefined;
  const at = parseShanghaiTime(soldAt);
  if (Number.isNaN(at)) return undefined;
  const parsed: PosLine[] = [];
  let sum = 0;
  for (const item of lines) {
    const line = fastLine(item);
    if (!line) return undefined;
    parsed.push(line);
    sum += line.amountFen;
  }
  if (sum !== totalFen) return undefined;
  return {
    event: { schemaVersion: 1, receiptId, storeId, areaCode, soldAt, channel: channel as PosReceipt['channel'], payment: payment as PosReceipt['payment'], totalFen, lines: parsed },
    at,
  };
}

function fastLine(item: unknown): PosLine | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const l = item as Record<string, unknown>;
  const { sku, barcode, category, quantity, unitPriceFen, amountFen } = l;
  const discountFen = l.discountFen === undefined ? 0 : l.discountFen;
  if (!isId(sku) || typeof category !== 'string' || !CATEGORY.test(category)) return undefined;
  if (barcode !== undefined && (typeof barcode !== 'string' || !BARCODE.test(barcode))) return undefined;
  if (!Number.isSafeInteger(quantity) || (quantity as number) <= 0 || (quantity as number) > 100_000) return undefined;
  if (!isCount(unitPriceFen) || !isCount(discountFen) || !isCount(amountFen)) return undefined;
  if (amountFen !== (quantity as number) * unitPriceFen - discountFen) return undefined;
  return barcode === undefined
    ? { sku, category, quantity: quantity as number, unitPriceFen, discountFen, amountFen }
    : { sku, barcode, category, quantity: quantity as number, unitPriceFen, discountFen, amountFen };
}
