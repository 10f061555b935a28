// A POS receipt checked by hand, for the ingest's hot path: the zod schema in contracts/events.ts
// stays the one definition of a valid receipt, and this only answers "certainly valid, and here is
// what zod would give" or "not sure". Not sure (anything unusual, and every invalid receipt) goes
// to zod, which decides and words the reason. 85% of events are receipts, and zod's parse was more
// than half the time of decoding one. test/ingest/fast-pos.test.ts holds both to the same answers
// over the simulator's receipts and thousands of broken and edge-case ones.
import {
  CATEGORY_PATTERN, GTIN_PATTERN, ID_PATTERN, LOCAL_AREA_PATTERN, MAX_LINE_QUANTITY, MAX_LINES, PAYMENTS, POS_CHANNELS,
  type PosLine, type PosReceipt,
} from '../contracts/events.ts';
import { parseShanghaiTime } from '../contracts/time.ts';

const CHANNELS = new Set<string>(POS_CHANNELS);
const PAYMENT_KINDS = new Set<string>(PAYMENTS);

const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);
// zod's z.int(): a safe integer; fen and grams are at least 0.
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The receipt as zod would parse it, with the instant of `soldAt`; undefined when not certainly valid. */
export function fastPosReceipt(value: unknown): { event: PosReceipt; at: number } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const r = value as Record<string, unknown>;
  const { receiptId, storeId, areaCode, soldAt, channel, payment, totalFen, lines } = r;
  if (r.schemaVersion !== 1 || !isId(receiptId) || !isId(storeId)) return undefined;
  if (typeof areaCode !== 'string' || !LOCAL_AREA_PATTERN.test(areaCode) || typeof soldAt !== 'string') return undefined;
  if (typeof channel !== 'string' || !CHANNELS.has(channel) || typeof payment !== 'string' || !PAYMENT_KINDS.has(payment)) return undefined;
  if (!isCount(totalFen) || !Array.isArray(lines) || lines.length < 1 || lines.length > MAX_LINES) return undefined;
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
  if (!isId(sku) || typeof category !== 'string' || !CATEGORY_PATTERN.test(category)) return undefined;
  if (barcode !== undefined && (typeof barcode !== 'string' || !GTIN_PATTERN.test(barcode))) return undefined;
  if (!Number.isSafeInteger(quantity) || (quantity as number) <= 0 || (quantity as number) > MAX_LINE_QUANTITY) return undefined;
  if (!isCount(unitPriceFen) || !isCount(discountFen) || !isCount(amountFen)) return undefined;
  if (amountFen !== (quantity as number) * unitPriceFen - discountFen) return undefined;
  return barcode === undefined
    ? { sku, category, quantity: quantity as number, unitPriceFen, discountFen, amountFen }
    : { sku, barcode, category, quantity: quantity as number, unitPriceFen, discountFen, amountFen };
}
