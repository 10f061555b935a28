-- Coarser rollups of POS demand for the prefecture and county heatmaps, which read whole ISO weeks
-- (the API widens any range to them) and never a village: ISO week x township x category, in two
-- cuts. `demand_weekly_top` folds the categories to their top level, for a view of all categories
-- or of one top-level category; `demand_weekly_leaf` keeps each category, ordered by it first, for
-- a view of one category below the top. A year of the simulated county is 8.0M POS lines,
-- 4.0M demand_daily rows, 59k rows here for the top level and 323k for the leaves, of which a view
-- reads its weeks and its county or category only.
--
-- Kept by materialized views on demand_daily (each insert block of demand_daily_mv is already
-- summed by village, category, channel and day: half the rows of the lines), so they follow the
-- same exactly-once rules: a batch re-inserted under its deduplication token is dropped in the
-- lines, in demand_daily and here (deduplicate_blocks_in_dependent_materialized_views). Ordered by
-- week (after the category, for the leaves) in granules of 256 rows: a week of the prefecture is
-- about 1,100 top-level rows, so a county's townships in a week are one or two granules and a
-- prefecture view reads its weeks only. Partitioned by year: every part a query opens costs it
-- about 0.3 ms, so a table this small is kept in few of them. Backfilled once from demand_daily
-- when empty (ingest stopped: main.ts migrates first).

CREATE TABLE IF NOT EXISTS demand_weekly_top (
  week Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  top_category LowCardinality(String),
  lines UInt64,
  qty UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYear(week)
ORDER BY (week, county_code, township_code, top_category)
SETTINGS index_granularity = 256;

-- requires: insert_dedup
ALTER TABLE demand_weekly_top MODIFY SETTING non_replicated_deduplication_window = 10000;

ALTER TABLE demand_weekly_top
  COMMENT COLUMN `week` 'Monday of the ISO week (Asia/Shanghai)',
  COMMENT COLUMN `county_code` 'County of the store (NBS code, 6 digits)',
  COMMENT COLUMN `township_code` 'Township of the store (NBS code, 9 digits)',
  COMMENT COLUMN `top_category` 'Top level of the product category, e.g. beverages for beverages.tea',
  COMMENT COLUMN `lines` 'POS lines',
  COMMENT COLUMN `qty` 'Units sold',
  COMMENT COLUMN `amount_fen` 'Paid, in fen (1 yuan = 100 fen)';

-- requires: table_comment
ALTER TABLE demand_weekly_top MODIFY COMMENT 'POS demand by ISO week, township and top-level category: the prefecture and county heatmaps of all categories or one top-level category';

INSERT INTO demand_weekly_top
SELECT toMonday(day) AS week, county_code, township_code, splitByChar('.', toString(category))[1] AS top_category,
  sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen
FROM demand_daily
WHERE (SELECT count() FROM demand_weekly_top) = 0
GROUP BY week, county_code, township_code, top_category;

CREATE MATERIALIZED VIEW IF NOT EXISTS demand_weekly_top_mv TO demand_weekly_top AS
SELECT toMonday(day) AS week, county_code, township_code, splitByChar('.', toString(category))[1] AS top_category,
  sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen
FROM demand_daily
GROUP BY week, county_code, township_code, top_category;

CREATE TABLE IF NOT EXISTS demand_weekly_leaf (
  week Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  category LowCardinality(String),
  lines UInt64,
  qty UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYear(week)
ORDER BY (category, week, county_code, township_code)
SETTINGS index_granularity = 256;

-- requires: insert_dedup
ALTER TABLE demand_weekly_leaf MODIFY SETTING non_replicated_deduplication_window = 10000;

ALTER TABLE demand_weekly_leaf
  COMMENT COLUMN `week` 'Monday of the ISO week (Asia/Shanghai)',
  COMMENT COLUMN `county_code` 'County of the store (NBS code, 6 digits)',
  COMMENT COLUMN `township_code` 'Township of the store (NBS code, 9 digits)',
  COMMENT COLUMN `category` 'Product category as a dotted path, e.g. beverages.tea',
  COMMENT COLUMN `lines` 'POS lines',
  COMMENT COLUMN `qty` 'Units sold',
  COMMENT COLUMN `amount_fen` 'Paid, in fen (1 yuan = 100 fen)';

-- requires: table_comment
ALTER TABLE demand_weekly_leaf MODIFY COMMENT 'POS demand by ISO week, township and category: the prefecture and county heatmaps of one category below the top level';

INSERT INTO demand_weekly_leaf
SELECT toMonday(day) AS week, county_code, township_code, category,
  sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen
FROM demand_daily
WHERE (SELECT count() FROM demand_weekly_leaf) = 0
GROUP BY week, county_code, township_code, category;

CREATE MATERIALIZED VIEW IF NOT EXISTS demand_weekly_leaf_mv TO demand_weekly_leaf AS
SELECT toMonday(day) AS week, county_code, township_code, category,
  sum(lines) AS lines, sum(qty) AS qty, sum(amount_fen) AS amount_fen
FROM demand_daily
GROUP BY week, county_code, township_code, category;
