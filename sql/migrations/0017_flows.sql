-- Produce flows: the destination cities as reference data, and a monthly rollup of the distribution
-- transactions kept by a materialized view (backfilled once, only while empty, with ingest stopped).

-- Prefecture-level cities (reference/cities.json, derived by scripts/derive-geo.ts). A city code an
-- event names that is missing here is still a real one (events are checked against the code list)
-- and is shown as "position unknown".
CREATE TABLE IF NOT EXISTS destination_cities (
  code String,
  name String,
  province String,
  lon Float64,
  lat Float64,
  source String,
  loaded_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY code;

-- Distribution transactions per month, direction, origin, seller, destination, product, channel
-- and platform, with the traceability batch left out (batches are read from the raw table, by code).
CREATE TABLE IF NOT EXISTS flows_monthly (
  month Date,
  direction Enum8('upstream' = 1, 'downstream' = 2),
  origin_county_code LowCardinality(String),
  origin_township_code LowCardinality(String),
  origin_village_code LowCardinality(String),
  seller_id LowCardinality(String),
  dest_city_code LowCardinality(String),
  dest_store_id LowCardinality(String),
  category LowCardinality(String),
  sku LowCardinality(String),
  channel Enum8('online' = 1, 'offline' = 2),
  platform LowCardinality(String),
  orders UInt64,
  qty UInt64,
  weight_g UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYear(month)
ORDER BY (direction, origin_county_code, origin_township_code, month, category, sku, dest_city_code, dest_store_id, seller_id, origin_village_code, channel, platform);

-- requires: insert_dedup
ALTER TABLE flows_monthly MODIFY SETTING non_replicated_deduplication_window = 10000;

INSERT INTO flows_monthly
SELECT toStartOfMonth(occurred_at) AS month, direction, origin_county_code, origin_township_code, origin_village_code, seller_id,
  dest_city_code, dest_store_id, category, sku, channel, platform,
  count() AS orders, sum(quantity) AS qty, sum(weight_g) AS weight_g, sum(amount_fen) AS amount_fen
FROM distribution_txns
WHERE (SELECT count() FROM flows_monthly) = 0
GROUP BY month, direction, origin_county_code, origin_township_code, origin_village_code, seller_id, dest_city_code, dest_store_id,
  category, sku, channel, platform;

CREATE MATERIALIZED VIEW IF NOT EXISTS flows_monthly_mv TO flows_monthly AS
SELECT toStartOfMonth(occurred_at) AS month, direction, origin_county_code, origin_township_code, origin_village_code, seller_id,
  dest_city_code, dest_store_id, category, sku, channel, platform,
  count() AS orders, sum(quantity) AS qty, sum(weight_g) AS weight_g, sum(amount_fen) AS amount_fen
FROM distribution_txns
GROUP BY month, direction, origin_county_code, origin_township_code, origin_village_code, seller_id, dest_city_code, dest_store_id,
  category, sku, channel, platform;

ALTER TABLE destination_cities
  COMMENT COLUMN `code` 'Prefecture-level city code (NBS 统计用区划代码, 6 digits), e.g. 530100 Kunming',
  COMMENT COLUMN `name` 'City name (official for the usual destinations, else the source''s short label)',
  COMMENT COLUMN `province` 'Province-level unit, by the first two digits of the code (GB/T 2260)',
  COMMENT COLUMN `lon` 'Longitude of the city centre, degrees east (GCJ-02 of the source, about 0.5 km off WGS84)',
  COMMENT COLUMN `lat` 'Latitude of the city centre, degrees north (GCJ-02 of the source)',
  COMMENT COLUMN `source` 'Where the row came from',
  COMMENT COLUMN `loaded_at` 'When the row was loaded (the newest load of a code wins)';

ALTER TABLE flows_monthly
  COMMENT COLUMN `month` 'First day of the month of the transaction, Asia/Shanghai',
  COMMENT COLUMN `direction` 'upstream: produce to the cities (农产品进城); downstream: goods to the shops (工业品下乡)',
  COMMENT COLUMN `origin_county_code` 'County the goods came from, 5323xx',
  COMMENT COLUMN `origin_township_code` 'Township the goods came from, 5323xxyyy',
  COMMENT COLUMN `origin_village_code` 'Village the goods came from; empty when the origin is a township',
  COMMENT COLUMN `seller_id` 'Seller (stores.id: a co-operative, station, distributor or the county warehouse)',
  COMMENT COLUMN `dest_city_code` 'Destination city of upstream goods (destination_cities.code); empty downstream',
  COMMENT COLUMN `dest_store_id` 'Receiving store of downstream goods (stores.id); empty upstream',
  COMMENT COLUMN `category` 'Product category, dotted path (categories.code)',
  COMMENT COLUMN `sku` 'Product (products.sku)',
  COMMENT COLUMN `channel` 'online: a platform order; offline: wholesale',
  COMMENT COLUMN `platform` 'Platform of an online order (taobao, pinduoduo, douyin, jd, county_mall, ...); empty offline',
  COMMENT COLUMN `orders` 'Transactions (sum() when reading)',
  COMMENT COLUMN `qty` 'Units (sum() when reading)',
  COMMENT COLUMN `weight_g` 'Gross weight, grams (sum() when reading)',
  COMMENT COLUMN `amount_fen` 'Value, fen (sum() when reading)';

-- requires: table_comment
ALTER TABLE destination_cities MODIFY COMMENT 'Reference: prefecture-level cities with their centre points (destinations of upstream produce)';
-- requires: table_comment
ALTER TABLE flows_monthly MODIFY COMMENT 'Rollup: distribution transactions per month, direction, origin, seller, destination, product and channel';
