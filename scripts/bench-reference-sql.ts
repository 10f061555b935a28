// The engine's own paths for the benchmark's references, doing the same flattening and area split
// as ingest/rows.ts: INSERT ... SELECT FROM file(..., JSONEachRow) of the same event files, and
// ClickHouse's Kafka table engine with a materialized view reading the same topics (parsing the
// JSON in SQL, without validation, at least once: the peer a user would pick instead of ours).
import type { EventKind } from '../contracts/events.ts';

const quote = (text: string) => `'${text.replaceAll("'", "\\'")}'`;
const areaColumns = (expr: string, prefix = '') =>
  `substring(${expr}, 1, 6) AS ${prefix}county_code, substring(${expr}, 1, 9) AS ${prefix}township_code, ` +
  `if(length(${expr}) = 12, ${expr}, '') AS ${prefix}village_code`;

/** The events' JSON fields, as the engine reads them. */
export const STRUCTURE: Record<EventKind, string> = {
  pos: `schemaVersion UInt8, receiptId String, storeId String, areaCode String, soldAt String,
      channel String, payment String, totalFen UInt64,
      lines Array(Tuple(sku String, category String, quantity UInt32, unitPriceFen UInt64, discountFen UInt64, amountFen UInt64))`,
  distribution: `schemaVersion UInt8, txnId String, occurredAt String, sellerId String, buyerId String,
      direction String, channel String, platform String, sku String, category String, quantity UInt32, weightG UInt64,
      amountFen UInt64, originAreaCode String, destCityCode String, destStoreId String, traceBatch String`,
  parcel: `schemaVersion UInt8, recordId String, stationId String, areaCode String, day Date,
      direction String, carrier String, parcels UInt32, weightG UInt64`,
};

export const TABLE: Record<EventKind, string> = { pos: 'pos_lines', distribution: 'distribution_txns', parcel: 'parcel_volumes' };

/** The columns REFERENCE_SELECT gives, in its order (the tables have more, with defaults). */
const COLUMNS: Record<EventKind, string> = {
  pos: `receipt_id, line_no, store_id, county_code, township_code, village_code, sold_at, channel, payment, sku, barcode,
    category, quantity, unit_price_fen, discount_fen, amount_fen, schema_version`,
  distribution: `txn_id, occurred_at, seller_id, buyer_id, direction, channel, platform, sku, category, quantity, weight_g,
    amount_fen, origin_county_code, origin_township_code, origin_village_code, dest_city_code, dest_store_id, trace_batch,
    schema_version`,
  parcel: 'record_id, station_id, county_code, township_code, village_code, day, direction, carrier, parcels, weight_g, schema_version',
};

/** The rows of `kind` as the warehouse table wants them (columns named), read from `from`. */
export const REFERENCE_SELECT: Record<EventKind, (from: string) => string> = {
  pos: (from) => `SELECT receiptId AS receipt_id, num AS line_no, storeId AS store_id, ${areaColumns('areaCode')},
      parseDateTimeBestEffort(soldAt, 'Asia/Shanghai') AS sold_at, channel, payment, l.sku AS sku, '' AS barcode,
      l.category AS category, l.quantity AS quantity, l.unitPriceFen AS unit_price_fen, l.discountFen AS discount_fen,
      l.amountFen AS amount_fen, schemaVersion AS schema_version
    FROM ${from} ARRAY JOIN lines AS l, arrayEnumerate(lines) AS num`,
  distribution: (from) => `SELECT txnId AS txn_id, parseDateTimeBestEffort(occurredAt, 'Asia/Shanghai') AS occurred_at,
      sellerId AS seller_id, buyerId AS buyer_id, direction, channel, platform, sku, category, quantity, weightG AS weight_g,
      amountFen AS amount_fen, ${areaColumns('originAreaCode', 'origin_')}, destCityCode AS dest_city_code,
      destStoreId AS dest_store_id, traceBatch AS trace_batch, schemaVersion AS schema_version
    FROM ${from}`,
  parcel: (from) => `SELECT recordId AS record_id, stationId AS station_id, ${areaColumns('areaCode')}, day, direction, carrier,
      parcels, weightG AS weight_g, schemaVersion AS schema_version
    FROM ${from}`,
};

export const REFERENCE_INSERTS: Record<EventKind, (file: string) => string> = {
  pos: (file) => referenceInsert('pos', file),
  distribution: (file) => referenceInsert('distribution', file),
  parcel: (file) => referenceInsert('parcel', file),
};

function referenceInsert(kind: EventKind, file: string): string {
  return `INSERT INTO ${TABLE[kind]} (${COLUMNS[kind]}) ${REFERENCE_SELECT[kind](`file(${quote(file)}, JSONEachRow, ${quote(STRUCTURE[kind])})`)}`;
}

/** A Kafka engine table over `topic` and a materialized view from it into the kind's table. */
export function kafkaEngineTables(kind: EventKind, topic: string, brokers: string, group: string, consumers: number): string[] {
  const queue = `bench_kafka_${kind}`;
  return [
    `CREATE TABLE ${queue} (${STRUCTURE[kind]}) ENGINE = Kafka SETTINGS kafka_broker_list = ${quote(brokers)},
      kafka_topic_list = ${quote(topic)}, kafka_group_name = ${quote(group)}, kafka_format = 'JSONEachRow',
      kafka_num_consumers = ${consumers}, kafka_thread_per_consumer = 1, kafka_max_block_size = 65536,
      kafka_flush_interval_ms = 500`,
    `CREATE MATERIALIZED VIEW ${queue}_mv TO ${TABLE[kind]} AS ${REFERENCE_SELECT[kind](queue)}`,
  ];
}

export const dropKafkaEngineTables = (kind: EventKind) => [`DROP TABLE IF EXISTS bench_kafka_${kind}_mv`, `DROP TABLE IF EXISTS bench_kafka_${kind}`];
