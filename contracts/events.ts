// The three event streams and the reference entities, as zod schemas. One schema serves three
// uses: it decodes a Kafka message, validates a file import and types the simulator. Browser-safe:
// no Node imports here.
//
// Units everywhere: money in integer fen (1 yuan = 100 fen), weight in integer grams, time on the
// Asia/Shanghai wall clock. Every event carries `schemaVersion` and a stable id used to deduplicate.
import { z } from 'zod';
import { NBS_CITY_CODES } from './nbs-city-codes.ts';
import { isCalendarDay, parseShanghaiTime } from './time.ts';

export const SCHEMA_VERSION = 1;

const schemaVersion = z.literal(SCHEMA_VERSION).describe('Version of this event schema; 1 today.');

// The receipt's patterns and limits, shared with the ingest's hand check (ingest/fast-pos.ts).
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const LOCAL_AREA_PATTERN = /^\d{9}(\d{3})?$/;
export const CATEGORY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){0,3}$/;
export const GTIN_PATTERN = /^\d{8}(\d{4,6})?$/;
export const POS_CHANNELS = ['offline', 'online_proxy'] as const;
export const PAYMENTS = ['cash', 'wechat', 'alipay', 'unionpay', 'card', 'credit', 'other'] as const;
export const MAX_LINES = 500;
export const MAX_LINE_QUANTITY = 100_000;

/** A stable identifier: printable ASCII without spaces, so it is safe in keys, logs and CSV. */
const id = (what: string) =>
  z.string().regex(ID_PATTERN, 'must be 1-64 letters, digits or . _ : -').describe(what);

/** NBS area code of a township (9 digits) or village (12 digits). */
export const localAreaCode = z
  .string()
  .regex(LOCAL_AREA_PATTERN, 'must be a 9-digit township or 12-digit village NBS code');

/** A time on the Shanghai wall clock, or with an explicit offset; kept as given, checked here. */
const localTime = (what: string) =>
  z.string().refine((s) => !Number.isNaN(parseShanghaiTime(s)), 'must be a time like 2026-07-14 09:30:00 (Asia/Shanghai) or ISO 8601 with an offset').describe(what);

const calendarDay = (what: string) =>
  z.string().refine(isCalendarDay, 'must be a calendar day YYYY-MM-DD').describe(what);

const fen = (what: string) => z.int().min(0).max(Number.MAX_SAFE_INTEGER).describe(`${what}, integer fen`);
const grams = (what: string) => z.int().min(0).max(Number.MAX_SAFE_INTEGER).describe(`${what}, integer grams`);

/** Category codes are dotted paths from the top of the tree: `beverages.tea`, `produce.mushroom`. */
export const categoryCode = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(CATEGORY_PATTERN, 'must be a dotted lower-case path like beverages.tea')
  .describe('Product category as a dotted path from the top of the category tree.');

export const posLine = z
  .object({
    sku: id('Stock-keeping unit of the product, as in the product reference.'),
    barcode: z.string().regex(GTIN_PATTERN, 'must be an 8, 12, 13 or 14 digit GTIN').optional()
      .describe('GTIN printed on the pack, when it has one.'),
    category: categoryCode,
    quantity: z.int().positive().max(MAX_LINE_QUANTITY).describe('Units sold on this line.'),
    unitPriceFen: fen('List price of one unit'),
    discountFen: fen('Discount taken off this line').default(0),
    amountFen: fen('What the customer paid for this line: quantity x unit price - discount'),
  })
  .refine((l) => l.amountFen === l.quantity * l.unitPriceFen - l.discountFen, {
    message: 'must equal quantity x unitPriceFen - discountFen',
    path: ['amountFen'],
  });

export const posReceipt = z
  .object({
    schemaVersion,
    receiptId: id('Receipt id, unique across the platform; the deduplication key.'),
    storeId: id('Store or station that sold, as in the store reference.'),
    areaCode: localAreaCode.describe('NBS code of the village or township the store is registered in.'),
    soldAt: localTime('When the sale was rung up.'),
    channel: z.enum(POS_CHANNELS)
      .describe('offline: counter sale; online_proxy: online order placed at the station for a villager (代买代购).'),
    payment: z.enum(PAYMENTS)
      .describe('How it was paid; credit is a shop tab (赊账).'),
    totalFen: fen('Sum of the lines\' amounts'),
    lines: z.array(posLine).min(1).max(MAX_LINES).describe('One entry per product on the receipt.'),
  })
  .refine((r) => r.totalFen === r.lines.reduce((sum, l) => sum + l.amountFen, 0), {
    message: 'must equal the sum of the lines\' amountFen',
    path: ['totalFen'],
  });

export const distributionTxn = z
  .object({
    schemaVersion,
    txnId: id('Transaction id, unique across the platform; the deduplication key.'),
    occurredAt: localTime('When the order was placed or the goods changed hands.'),
    sellerId: id('Seller: co-operative, distributor, store or platform shop.'),
    buyerId: id('Buyer: a city buyer or platform, a distributor or a store.'),
    direction: z.enum(['upstream', 'downstream'])
      .describe('upstream: produce from the county to cities (农产品进城); downstream: goods to village shops (工业品下乡).'),
    channel: z.enum(['online', 'offline']).describe('online: a platform order; offline: wholesale.'),
    platform: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a lower-case platform code').optional()
      .describe('Platform of an online order, e.g. taobao, pinduoduo, douyin, jd, county_mall.'),
    sku: id('Product, as in the product reference.'),
    category: categoryCode,
    quantity: z.int().positive().describe('Units traded.'),
    weightG: grams('Gross weight of the goods'),
    amountFen: fen('Value of the transaction'),
    originAreaCode: localAreaCode.describe('Village or township the goods came from.'),
    destCityCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit NBS city code')
      .refine((c) => NBS_CITY_CODES.has(c), 'is not an NBS prefecture-level city code').optional()
      .describe('Destination city of upstream goods, e.g. 530100 Kunming.'),
    destStoreId: id('Destination store of downstream goods.').optional(),
    traceBatch: z.string().regex(/^[A-Z0-9][A-Z0-9-]{5,39}$/, 'must be 6-40 upper-case letters, digits or -').optional()
      .describe('Traceability batch code, where the product has one.'),
  })
  .superRefine((t, ctx) => {
    if (t.direction === 'upstream' && !t.destCityCode) {
      ctx.addIssue({ code: 'custom', path: ['destCityCode'], message: 'is required for upstream goods' });
    }
    if (t.direction === 'downstream' && !t.destStoreId) {
      ctx.addIssue({ code: 'custom', path: ['destStoreId'], message: 'is required for downstream goods' });
    }
    if (t.channel === 'online' && !t.platform) {
      ctx.addIssue({ code: 'custom', path: ['platform'], message: 'is required for an online order' });
    }
  });

export const parcelVolume = z.object({
  schemaVersion,
  recordId: id('Record id, unique across the platform; the deduplication key.'),
  stationId: id('Logistics station or point that counted the parcels.'),
  areaCode: localAreaCode.describe('NBS code of the village or township the station serves.'),
  day: calendarDay('Shanghai calendar day the parcels were counted on.'),
  direction: z.enum(['out', 'in']).describe('out: collected, going up to the cities (揽收); in: delivered (投递).'),
  carrier: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a lower-case carrier code')
    .describe('Carrier code: ems, sf, zto, yto, sto, yunda, jtexpress, county_coop, ...'),
  parcels: z.int().min(0).max(10_000_000).describe('Parcel count.'),
  weightG: grams('Total weight of the parcels'),
});

export type PosReceipt = z.infer<typeof posReceipt>;
export type PosLine = z.infer<typeof posLine>;
export type DistributionTxn = z.infer<typeof distributionTxn>;
export type ParcelVolume = z.infer<typeof parcelVolume>;

/** The streams by name; each is one Kafka topic in production. */
export const eventSchemas = { pos: posReceipt, distribution: distributionTxn, parcel: parcelVolume } as const;
export type EventKind = keyof typeof eventSchemas;
export const EVENT_KINDS = Object.keys(eventSchemas) as EventKind[];
export type EventOf<K extends EventKind> = z.infer<(typeof eventSchemas)[K]>;
export type AnyEvent =
  | { kind: 'pos'; event: PosReceipt }
  | { kind: 'distribution'; event: DistributionTxn }
  | { kind: 'parcel'; event: ParcelVolume };

// Reference entities.

export const area = z.object({
  code: z.string().regex(/^\d{4}(\d{2})?(\d{3})?(\d{3})?$/, 'must be a 4, 6, 9 or 12 digit NBS code').describe('NBS code.'),
  name: z.string().min(1).max(64).describe('Official name, Chinese.'),
  level: z.enum(['prefecture', 'county', 'township', 'village']).describe('Administrative level.'),
  parentCode: z.string().describe('Code of the enclosing area; empty for the prefecture.'),
});

export const store = z.object({
  id: id('Store or station id.'),
  name: z.string().min(1).max(128).describe('Trading name, Chinese.'),
  type: z.enum(['village_shop', 'convenience_store', 'township_station', 'village_point', 'county_centre',
    'county_warehouse', 'distributor', 'cooperative']).describe('What kind of outlet it is.'),
  tier: z.int().min(1).max(3).describe('1: county seat, 2: township, 3: village.'),
  areaCode: localAreaCode.describe('Village or township it is registered in.'),
  openedOn: calendarDay('Day it opened or joined the programme.'),
  status: z.enum(['active', 'silent', 'closed']).describe('silent: registered but not reporting.'),
});

export const product = z.object({
  sku: id('Stock-keeping unit.'),
  barcode: z.string().regex(GTIN_PATTERN).optional().describe('GTIN, when it has one.'),
  name: z.string().min(1).max(128).describe('Name, Chinese.'),
  category: categoryCode,
  agricultural: z.boolean().describe('An agricultural product, counted in 农产品网络零售额.'),
  povertyRelief: z.boolean().describe('Certified poverty-relief product (扶贫产品).'),
  originAreaCode: localAreaCode.optional().describe('Where local produce comes from.'),
  unit: z.string().min(1).max(16).describe('Unit of sale, e.g. 瓶, 袋, 500g.'),
  priceFen: fen('Typical retail price of one unit'),
});

export type Area = z.infer<typeof area>;
export type Store = z.infer<typeof store>;
export type Product = z.infer<typeof product>;
