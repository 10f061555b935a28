-- Rollups of the merchants' workspace, kept by materialized views like the others and backfilled
-- once from the lines already there (only while empty, with ingest stopped: main.ts migrates first).
-- All are ordered county, township first, so a store's or a township's rows are a prefix range:
-- one store reads a few granules however large the prefecture grows.

-- POS sales per store, ISO week (Monday), product and shelf price. Weekly, not daily: a shop sells
-- the same products day after day, so a week folds 2-4 daily rows into one. The price is part of
-- the key for the price bands (a shop's shelf price rarely changes within a week).
CREATE TABLE IF NOT EXISTS store_sku_weekly (
  week Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  village_code String,
  store_id String,
  category LowCardinality(String),
  sku LowCardinality(String),
  unit_price_fen UInt64,
  lines UInt64,
  qty UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYear(week)
ORDER BY (county_code, township_code, village_code, store_id, week, category, sku, unit_price_fen);

-- requires: insert_dedup
ALTER TABLE store_sku_weekly MODIFY SETTING non_replicated_deduplication_window = 10000;

INSERT INTO store_sku_weekly
SELECT toMonday(sold_at) AS week, county_code, township_code, village_code, store_id, category, sku, unit_price_fen,
  count() AS lines, sum(quantity) AS qty, sum(amount_fen) AS amount_fen
FROM pos_lines
WHERE (SELECT count() FROM store_sku_weekly) = 0
GROUP BY week, county_code, township_code, village_code, store_id, category, sku, unit_price_fen;

CREATE MATERIALIZED VIEW IF NOT EXISTS store_sku_weekly_mv TO store_sku_weekly AS
SELECT toMonday(sold_at) AS week, county_code, township_code, village_code, store_id, category, sku, unit_price_fen,
  count() AS lines, sum(quantity) AS qty, sum(amount_fen) AS amount_fen
FROM pos_lines
GROUP BY week, county_code, township_code, village_code, store_id, category, sku, unit_price_fen;

-- Receipts per store, ISO week, channel and payment. A receipt is counted by its first line
-- (line_no 1), so a receipt whose lines arrive in different insert blocks is still counted once.
CREATE TABLE IF NOT EXISTS store_receipts_weekly (
  week Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  store_id String,
  channel Enum8('offline' = 1, 'online_proxy' = 2),
  payment Enum8('cash' = 1, 'wechat' = 2, 'alipay' = 3, 'unionpay' = 4, 'card' = 5, 'credit' = 6, 'other' = 7),
  receipts UInt64,
  lines UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYear(week)
ORDER BY (county_code, township_code, store_id, week, channel, payment);

-- requires: insert_dedup
ALTER TABLE store_receipts_weekly MODIFY SETTING non_replicated_deduplication_window = 10000;

INSERT INTO store_receipts_weekly
SELECT toMonday(sold_at) AS week, county_code, township_code, store_id, channel, payment,
  countIf(line_no = 1) AS receipts, count() AS lines, sum(amount_fen) AS amount_fen
FROM pos_lines
WHERE (SELECT count() FROM store_receipts_weekly) = 0
GROUP BY week, county_code, township_code, store_id, channel, payment;

CREATE MATERIALIZED VIEW IF NOT EXISTS store_receipts_weekly_mv TO store_receipts_weekly AS
SELECT toMonday(sold_at) AS week, county_code, township_code, store_id, channel, payment,
  countIf(line_no = 1) AS receipts, count() AS lines, sum(amount_fen) AS amount_fen
FROM pos_lines
GROUP BY week, county_code, township_code, store_id, channel, payment;

-- POS demand per township, ISO week, weekday and hour, with the set of stores behind each cell
-- (uniqExact state) so that a merchant's view can withhold a cell fewer than k stores make. Per
-- township, not per store: a year is about 100 townships x 52 weeks x ~100 open weekday-hours.
CREATE TABLE IF NOT EXISTS township_hourly (
  week Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  weekday UInt8,
  hour UInt8,
  stores AggregateFunction(uniqExact, String),
  receipts AggregateFunction(sum, UInt64),
  qty AggregateFunction(sum, UInt64),
  amount_fen AggregateFunction(sum, UInt64)
) ENGINE = AggregatingMergeTree
PARTITION BY toYear(week)
ORDER BY (county_code, township_code, week, weekday, hour);

-- requires: insert_dedup
ALTER TABLE township_hourly MODIFY SETTING non_replicated_deduplication_window = 10000;

INSERT INTO township_hourly
SELECT toMonday(sold_at) AS week, county_code, township_code, toDayOfWeek(sold_at) AS weekday, toHour(sold_at) AS hour,
  uniqExactState(store_id) AS stores, sumState(toUInt64(line_no = 1)) AS receipts,
  sumState(toUInt64(quantity)) AS qty, sumState(amount_fen) AS amount_fen
FROM pos_lines
WHERE (SELECT count() FROM township_hourly) = 0
GROUP BY week, county_code, township_code, weekday, hour;

CREATE MATERIALIZED VIEW IF NOT EXISTS township_hourly_mv TO township_hourly AS
SELECT toMonday(sold_at) AS week, county_code, township_code, toDayOfWeek(sold_at) AS weekday, toHour(sold_at) AS hour,
  uniqExactState(store_id) AS stores, sumState(toUInt64(line_no = 1)) AS receipts,
  sumState(toUInt64(quantity)) AS qty, sumState(amount_fen) AS amount_fen
FROM pos_lines
GROUP BY week, county_code, township_code, weekday, hour;

ALTER TABLE store_sku_weekly
  COMMENT COLUMN `week` 'Monday of the ISO week of the sale, Asia/Shanghai',
  COMMENT COLUMN `county_code` 'County of the store, 5323xx',
  COMMENT COLUMN `township_code` 'Township of the store, 5323xxyyy',
  COMMENT COLUMN `village_code` 'Village of the store, 5323xxyyyzzz; empty for a store registered at a township',
  COMMENT COLUMN `store_id` 'Store or station that sold (stores.id)',
  COMMENT COLUMN `category` 'Product category, dotted path (categories.code)',
  COMMENT COLUMN `sku` 'Product sold (products.sku)',
  COMMENT COLUMN `unit_price_fen` 'Shelf price of one unit at this store, fen (0.01 yuan)',
  COMMENT COLUMN `lines` 'POS lines (sum() when reading)',
  COMMENT COLUMN `qty` 'Units sold (sum() when reading)',
  COMMENT COLUMN `amount_fen` '销售额 paid after discounts, fen (sum() when reading)';

ALTER TABLE store_receipts_weekly
  COMMENT COLUMN `week` 'Monday of the ISO week of the sale, Asia/Shanghai',
  COMMENT COLUMN `county_code` 'County of the store, 5323xx',
  COMMENT COLUMN `township_code` 'Township of the store, 5323xxyyy',
  COMMENT COLUMN `store_id` 'Store or station that sold (stores.id)',
  COMMENT COLUMN `channel` 'offline = counter sale; online_proxy = online order placed for a villager (代买代购)',
  COMMENT COLUMN `payment` 'How the receipt was paid',
  COMMENT COLUMN `receipts` 'Receipts (sum() when reading): counted by their line 1',
  COMMENT COLUMN `lines` 'POS lines (sum() when reading)',
  COMMENT COLUMN `amount_fen` '销售额 paid after discounts, fen (sum() when reading)';

ALTER TABLE township_hourly
  COMMENT COLUMN `week` 'Monday of the ISO week of the sale, Asia/Shanghai',
  COMMENT COLUMN `county_code` 'County, 5323xx',
  COMMENT COLUMN `township_code` 'Township, 5323xxyyy',
  COMMENT COLUMN `weekday` 'ISO weekday of the sale, 1 = Monday .. 7 = Sunday',
  COMMENT COLUMN `hour` 'Hour of the day of the sale, 0-23, Asia/Shanghai',
  COMMENT COLUMN `stores` 'Distinct stores that sold in the cell: read with uniqExactMerge(stores)',
  COMMENT COLUMN `receipts` 'Receipts: read with sumMerge(receipts)',
  COMMENT COLUMN `qty` 'Units sold: read with sumMerge(qty)',
  COMMENT COLUMN `amount_fen` '销售额 paid, fen: read with sumMerge(amount_fen)';

-- requires: table_comment
ALTER TABLE store_sku_weekly MODIFY COMMENT 'Rollup: POS sales per store, ISO week, product and shelf price (merchants'' workspace)';
-- requires: table_comment
ALTER TABLE store_receipts_weekly MODIFY COMMENT 'Rollup: receipts per store, ISO week, channel and payment (merchants'' workspace)';
-- requires: table_comment
ALTER TABLE township_hourly MODIFY COMMENT 'Rollup: POS demand per township, week, weekday and hour with the stores behind each cell';
