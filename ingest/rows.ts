// Validated events to warehouse rows: one per POS line, one per distribution transaction, one per
// parcel record. Area codes are split into county / township / village here, once, so that the
// dashboards drill down by prefix without joins.
import type { DistributionTxn, EventKind, ParcelVolume, PosReceipt } from '../contracts/events.ts';
import { formatShanghaiTime, parseShanghaiTime } from '../contracts/time.ts';

export const TABLE_OF: Record<EventKind, string> = {
  pos: 'pos_lines',
  distribution: 'distribution_txns',
  parcel: 'parcel_volumes',
};

type Row = Record<string, unknown>;

function areaColumns(code: string, prefix = '') {
  return {
    [`${prefix}county_code`]: code.slice(0, 6),
    [`${prefix}township_code`]: code.slice(0, 9),
    [`${prefix}village_code`]: code.length === 12 ? code : '',
  };
}

/** The Shanghai wall-clock form the DateTime('Asia/Shanghai') columns read. A time already in that
 *  form (most are; the schema has checked it is a real time) is used as it is: parsing and formatting
 *  it again was a tenth of the ingest's own work. */
export const WALL_CLOCK = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const wallClock = (time: string) => (WALL_CLOCK.test(time) ? time : formatShanghaiTime(parseShanghaiTime(time)));

export function posRows(r: PosReceipt): Row[] {
  const soldAt = wallClock(r.soldAt);
  const area = areaColumns(r.areaCode);
  return r.lines.map((l, i) => ({
    receipt_id: r.receiptId,
    line_no: i + 1,
    store_id: r.storeId,
    ...area,
    sold_at: soldAt,
    channel: r.channel,
    payment: r.payment,
    sku: l.sku,
    barcode: l.barcode ?? '',
    category: l.category,
    quantity: l.quantity,
    unit_price_fen: l.unitPriceFen,
    discount_fen: l.discountFen,
    amount_fen: l.amountFen,
    schema_version: r.schemaVersion,
  }));
}

export function distributionRows(t: DistributionTxn): Row[] {
  return [{
    txn_id: t.txnId,
    occurred_at: wallClock(t.occurredAt),
    seller_id: t.sellerId,
    buyer_id: t.buyerId,
    direction: t.direction,
    channel: t.channel,
    platform: t.platform ?? '',
    sku: t.sku,
    category: t.category,
    quantity: t.quantity,
    weight_g: t.weightG,
    amount_fen: t.amountFen,
    ...areaColumns(t.originAreaCode, 'origin_'),
    dest_city_code: t.destCityCode ?? '',
    dest_store_id: t.destStoreId ?? '',
    trace_batch: t.traceBatch ?? '',
    schema_version: t.schemaVersion,
  }];
}

export function parcelRows(p: ParcelVolume): Row[] {
  return [{
    record_id: p.recordId,
    station_id: p.stationId,
    ...areaColumns(p.areaCode),
    day: p.day,
    direction: p.direction,
    carrier: p.carrier,
    parcels: p.parcels,
    weight_g: p.weightG,
    schema_version: p.schemaVersion,
  }];
}

export const ROWS_OF = { pos: posRows, distribution: distributionRows, parcel: parcelRows } as const;
