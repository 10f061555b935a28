-- The heatmaps of all categories, the default view of officials and analysts, read one row per
-- township and ISO week here: demand_weekly_top keeps the top-level category as well, so a county's
-- twelve weeks were about 6,700 rows (2,600 read after the index), where this table holds about
-- 170, and a prefecture's 13,400 where this holds 1,800. A query that small costs the engine little
-- more than its floor; the extent of the data (data-extent.sql) reads it too.
--
-- Kept by a materialized view on demand_weekly_top (a view of a view of a view: its insert blocks
-- already summed by week, township and top-level category), so a batch's rows reach it under the
-- same deduplication rules as the other weekly rollups (docs/exactly-once.md). Backfilled once
-- from demand_weekly_top when empty (ingest stopped: main.ts migrates first).

CREATE TABLE IF NOT EXISTS demand_weekly_area (
  week Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  lines UInt64,
  qty UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYear(week)
ORDER BY (week, county_code, township_code)
SETTINGS index_granularity = 256;

-- requires: insert_dedup
ALTER TABLE demand_weekly_area MODIFY SETTING non_replicated_deduplication_window = 10000;

ALTER TABLE demand_weekly_area
  COMMENT COLUMN `week` 'Monday of the ISO week (Asia/Shanghai)',
  COMMENT COLUMN `county_code` 'County of the store (NBS code, 6 digits)',
  COMMENT COLUMN `township_code` 'Township of the store (NBS code, 9 digits)',
  COMMENT COLUMN `lines` 'POS lines',
  COMMENT COLUMN `qty` 'Units sold',
  COMMENT COLUMN `amount_fen` 'Paid, in fen (1 yuan = 100 fen)';

-- requires: table_comment
ALTER TABLE demand_weekly_area MODIFY COMMENT 'POS demand of all categories by ISO week and township: the prefecture and county heatmaps of all categories';

INSERT INTO demand_weekly_area
SELECT week, county_code, township_code, sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen
FROM demand_weekly_top
WHERE (SELECT count() FROM demand_weekly_area) = 0
GROUP BY week, county_code, township_code;

CREATE MATERIALIZED VIEW IF NOT EXISTS demand_weekly_area_mv TO demand_weekly_area AS
SELECT week, county_code, township_code, sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen
FROM demand_weekly_top
GROUP BY week, county_code, township_code;
