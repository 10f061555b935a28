-- Raw event tables: one row per POS line, per distribution transaction, per parcel volume record.
-- Partitioned by month (the reporting unit, and the unit of data retention); ordered for the
-- dashboards' access path: area first (prefecture -> county -> township drill-down), then
-- category or direction, then time. Area codes are denormalised at ingest from the event's own
-- NBS code, so no join is needed to drill down.

CREATE TABLE IF NOT EXISTS pos_lines (
  receipt_id String,
  line_no UInt16,
  store_id String,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  village_code String,
  sold_at DateTime('Asia/Shanghai'),
  channel Enum8('offline' = 1, 'online_proxy' = 2),
  payment Enum8('cash' = 1, 'wechat' = 2, 'alipay' = 3, 'unionpay' = 4, 'card' = 5, 'credit' = 6, 'other' = 7),
  sku String,
  barcode String,
  category LowCardinality(String),
  quantity UInt32,
  unit_price_fen UInt64,
  discount_fen UInt64,
  amount_fen UInt64,
  schema_version UInt8,
  ingested_at DateTime('Asia/Shanghai') DEFAULT now()
) ENGINE = MergeTree
PARTITION BY toYYYYMM(sold_at)
ORDER BY (county_code, township_code, category, sold_at, store_id, receipt_id, line_no);

CREATE TABLE IF NOT EXISTS distribution_txns (
  txn_id String,
  occurred_at DateTime('Asia/Shanghai'),
  seller_id String,
  buyer_id String,
  direction Enum8('upstream' = 1, 'downstream' = 2),
  channel Enum8('online' = 1, 'offline' = 2),
  platform LowCardinality(String),
  sku String,
  category LowCardinality(String),
  quantity UInt32,
  weight_g UInt64,
  amount_fen UInt64,
  origin_county_code LowCardinality(String),
  origin_township_code LowCardinality(String),
  origin_village_code String,
  dest_city_code LowCardinality(String),
  dest_store_id String,
  trace_batch String,
  schema_version UInt8,
  ingested_at DateTime('Asia/Shanghai') DEFAULT now()
) ENGINE = MergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (direction, origin_county_code, category, occurred_at, txn_id);

CREATE TABLE IF NOT EXISTS parcel_volumes (
  record_id String,
  station_id String,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  village_code String,
  day Date,
  direction Enum8('out' = 1, 'in' = 2),
  carrier LowCardinality(String),
  parcels UInt32,
  weight_g UInt64,
  schema_version UInt8,
  ingested_at DateTime('Asia/Shanghai') DEFAULT now()
) ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (county_code, township_code, direction, day, station_id, record_id);
