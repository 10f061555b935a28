// The engine's own path for the benchmark's reference: INSERT ... SELECT FROM file(...,
// JSONEachRow) of the same event files, doing the same flattening and area split as ingest/rows.ts.
import type { EventKind } from '../contracts/events.ts';

const quote = (path: string) => `'${path.replaceAll("'", "\\'")}'`;
const areaColumns = (expr: string, prefix = '') =>
  `substring(${expr}, 1, 6) AS ${prefix}county_code, substring(${expr}, 1, 9) AS ${prefix}township_code, ` +
  `if(length(${expr}) = 12, ${expr}, '') AS ${prefix}village_code`;

export const REFERENCE_INSERTS: Record<EventKind, (file: string) => string> = {
  pos: (file) => `INSERT INTO pos_lines (receipt_id, line_no, store_id, county_code, township_code, village_code, sold_at, channel,
      payment, sku, barcode, category, quantity, unit_price_fen, discount_fen, amount_fen, schema_version)
    SELECT receiptId, num, storeId, ${areaColumns('areaCode')}, parseDateTimeBestEffort(soldAt, 'Asia/Shanghai'), channel, payment,
      l.sku, '', l.category, l.quantity, l.unitPriceFen, l.discountFen, l.amountFen, schemaVersion
    FROM file(${quote(file)}, JSONEachRow, 'schemaVersion UInt8, receiptId String, storeId String, areaCode String, soldAt String,
      channel String, payment String, totalFen UInt64,
      lines Array(Tuple(sku String, category String, quantity UInt32, unitPriceFen UInt64, discountFen UInt64, amountFen UInt64))')
    ARRAY JOIN lines AS l, arrayEnumerate(lines) AS num`,
  distribution: (file) => `INSERT INTO distribution_txns (txn_id, occurred_at, seller_id, buyer_id, direction, channel, platform, sku,
      category, quantity, weight_g, amount_fen, origin_county_code, origin_township_code, origin_village_code, dest_city_code,
      dest_store_id, trace_batch, schema_version)
    SELECT txnId, parseDateTimeBestEffort(occurredAt, 'Asia/Shanghai'), sellerId, buyerId, direction, channel, platform, sku, category,
      quantity, weightG, amountFen, ${areaColumns('originAreaCode', 'origin_')}, destCityCode, destStoreId, traceBatch, schemaVersion
    FROM file(${quote(file)}, JSONEachRow, 'schemaVersion UInt8, txnId String, occurredAt String, sellerId String, buyerId String,
      direction String, channel String, platform String, sku String, category String, quantity UInt32, weightG UInt64,
      amountFen UInt64, originAreaCode String, destCityCode String, destStoreId String, traceBatch String')`,
  parcel: (file) => `INSERT INTO parcel_volumes (record_id, station_id, county_code, township_code, village_code, day, direction,
      carrier, parcels, weight_g, schema_version)
    SELECT recordId, stationId, ${areaColumns('areaCode')}, day, direction, carrier, parcels, weightG, schemaVersion
    FROM file(${quote(file)}, JSONEachRow, 'schemaVersion UInt8, recordId String, stationId String, areaCode String, day Date,
      direction String, carrier String, parcels UInt32, weightG UInt64')`,
};
