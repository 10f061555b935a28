-- Each store's POS sales by ISO week, all categories together. A merchant's heatmap counts the
-- stores behind every cell (a cell fewer than five other stores make is withheld, api/suppression.ts)
-- and read them from store_sales_daily, by category, channel and day: 226,819 rows for a county's
-- twelve weeks at one year, 686k at ten times the traffic. Here a store has one row a week (a
-- county's twelve weeks: about 1,900 at one year), ordered by week first, so a view of all
-- categories reads its weeks only; one category still reads store_sales_daily.
--
-- Kept by a materialized view on store_sales_daily (a view of a view: its insert blocks already
-- summed by store, category, channel and day), under the same deduplication rules as the other
-- rollups (docs/exactly-once.md). Backfilled once from store_sales_daily when empty (ingest
-- stopped: main.ts migrates first).

CREATE TABLE IF NOT EXISTS store_sales_weekly (
  week Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  village_code String,
  store_id String,
  lines UInt64,
  qty UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYear(week)
ORDER BY (week, county_code, township_code, village_code, store_id)
SETTINGS index_granularity = 256;

-- requires: insert_dedup
ALTER TABLE store_sales_weekly MODIFY SETTING non_replicated_deduplication_window = 10000;

ALTER TABLE store_sales_weekly
  COMMENT COLUMN `week` 'Monday of the ISO week (Asia/Shanghai)',
  COMMENT COLUMN `county_code` 'County of the store (NBS code, 6 digits)',
  COMMENT COLUMN `township_code` 'Township of the store (NBS code, 9 digits)',
  COMMENT COLUMN `village_code` 'Village of the store (NBS code, 12 digits); empty for a store registered at its township',
  COMMENT COLUMN `store_id` 'Store id',
  COMMENT COLUMN `lines` 'POS lines',
  COMMENT COLUMN `qty` 'Units sold',
  COMMENT COLUMN `amount_fen` 'Paid, in fen (1 yuan = 100 fen)';

-- requires: table_comment
ALTER TABLE store_sales_weekly MODIFY COMMENT 'POS sales of each store by ISO week, all categories: the merchants'' heatmap of all categories, with the stores behind each cell';

INSERT INTO store_sales_weekly
SELECT toMonday(day) AS week, county_code, township_code, village_code, store_id,
  sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen
FROM store_sales_daily
WHERE (SELECT count() FROM store_sales_weekly) = 0
GROUP BY week, county_code, township_code, village_code, store_id;

CREATE MATERIALIZED VIEW IF NOT EXISTS store_sales_weekly_mv TO store_sales_weekly AS
SELECT toMonday(day) AS week, county_code, township_code, village_code, store_id,
  sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen
FROM store_sales_daily
GROUP BY week, county_code, township_code, village_code, store_id;
