-- What the officials' cockpit reads and keeps: national series by period (to compare growth with),
-- the plan's targets (an official edits them), monthly rollups of online retail, proxy purchases
-- and parcels, and the monthly reports produced. Written for ClickHouse 18.16 too.

-- National figures with the period they cover (period_start..period_end, YYYY-MM) and the body
-- that published them. An official's upload is a newer version; a row they removed stays as a
-- newer version with deleted = 1, so a start-up never brings it back.
CREATE TABLE IF NOT EXISTS national_series (
  body LowCardinality(String),
  series LowCardinality(String),
  period_start String,
  period_end String,
  value_100m_yuan Nullable(Float64),
  yoy_pct Nullable(Float64),
  source String,
  confidence LowCardinality(String),
  deleted UInt8,
  version UInt64,
  changed_by String
) ENGINE = ReplacingMergeTree(version)
ORDER BY (series, body, period_start, period_end);

-- The demonstration plan's targets per area, as an official keeps them.
CREATE TABLE IF NOT EXISTS plan_targets (
  id String,
  area_code String,
  indicator LowCardinality(String),
  label_zh String,
  label_en String,
  comparison Enum8('at_least' = 1, 'at_most' = 2),
  target Float64,
  unit String,
  period_start String,
  due String,
  source String,
  deleted UInt8,
  version UInt64,
  changed_by String
) ENGINE = ReplacingMergeTree(version)
ORDER BY (area_code, id);

-- Online retail by seller, product and month: upstream orders placed online (platform orders to
-- consumers). Downstream transactions carry goods to a store (destStoreId is required): supply to
-- shops, not retail. The seller's area and the product's agricultural flag are looked up when
-- read, so a corrected reference applies to every month at once.
CREATE TABLE IF NOT EXISTS online_sales_monthly (
  month Date,
  seller_id String,
  sku String,
  orders UInt64,
  quantity UInt64,
  weight_g UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYear(month)
ORDER BY (month, seller_id, sku);

-- requires: insert_dedup
ALTER TABLE online_sales_monthly MODIFY SETTING non_replicated_deduplication_window = 10000;

INSERT INTO online_sales_monthly
SELECT toStartOfMonth(occurred_at) AS month, seller_id, sku, count() AS orders, sum(quantity) AS quantity,
  sum(weight_g) AS weight_g, sum(amount_fen) AS amount_fen
FROM distribution_txns
WHERE channel = 'online' AND direction = 'upstream' AND (SELECT count() FROM online_sales_monthly) = 0
GROUP BY month, seller_id, sku;

CREATE MATERIALIZED VIEW IF NOT EXISTS online_sales_monthly_mv TO online_sales_monthly AS
SELECT toStartOfMonth(occurred_at) AS month, seller_id, sku, count() AS orders, sum(quantity) AS quantity,
  sum(weight_g) AS weight_g, sum(amount_fen) AS amount_fen
FROM distribution_txns
WHERE channel = 'online' AND direction = 'upstream'
GROUP BY month, seller_id, sku;

-- POS sales per store, channel and month (online_proxy: orders placed at a station for villagers).
CREATE TABLE IF NOT EXISTS store_monthly (
  month Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  store_id String,
  channel Enum8('offline' = 1, 'online_proxy' = 2),
  lines UInt64,
  qty UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYear(month)
ORDER BY (county_code, township_code, store_id, channel, month);

-- requires: insert_dedup
ALTER TABLE store_monthly MODIFY SETTING non_replicated_deduplication_window = 10000;

INSERT INTO store_monthly
SELECT toStartOfMonth(sold_at) AS month, county_code, township_code, store_id, channel, count() AS lines,
  sum(quantity) AS qty, sum(amount_fen) AS amount_fen
FROM pos_lines
WHERE (SELECT count() FROM store_monthly) = 0
GROUP BY month, county_code, township_code, store_id, channel;

CREATE MATERIALIZED VIEW IF NOT EXISTS store_monthly_mv TO store_monthly AS
SELECT toStartOfMonth(sold_at) AS month, county_code, township_code, store_id, channel, count() AS lines,
  sum(quantity) AS qty, sum(amount_fen) AS amount_fen
FROM pos_lines
GROUP BY month, county_code, township_code, store_id, channel;

-- Parcels per station, direction and month.
CREATE TABLE IF NOT EXISTS parcels_monthly (
  month Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  station_id String,
  direction Enum8('out' = 1, 'in' = 2),
  records UInt64,
  parcels UInt64,
  weight_g UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYear(month)
ORDER BY (county_code, township_code, station_id, direction, month);

-- requires: insert_dedup
ALTER TABLE parcels_monthly MODIFY SETTING non_replicated_deduplication_window = 10000;

INSERT INTO parcels_monthly
SELECT toStartOfMonth(day) AS month, county_code, township_code, station_id, direction, count() AS records,
  sum(parcels) AS parcels, sum(weight_g) AS weight_g
FROM parcel_volumes
WHERE (SELECT count() FROM parcels_monthly) = 0
GROUP BY month, county_code, township_code, station_id, direction;

CREATE MATERIALIZED VIEW IF NOT EXISTS parcels_monthly_mv TO parcels_monthly AS
SELECT toStartOfMonth(day) AS month, county_code, township_code, station_id, direction, count() AS records,
  sum(parcels) AS parcels, sum(weight_g) AS weight_g
FROM parcel_volumes
GROUP BY month, county_code, township_code, station_id, direction;

-- The monthly reports (月通报) produced, as files: who produced each and when.
CREATE TABLE IF NOT EXISTS monthly_reports (
  id String,
  area_code String,
  month String,
  format LowCardinality(String),
  produced_by String,
  produced_at DateTime('Asia/Shanghai'),
  size UInt64,
  sha256 String,
  bytes String
) ENGINE = MergeTree
ORDER BY (area_code, month, produced_at, id);
