-- The last day each store or station reported in each month (POS sales or parcels), for the
-- officials' "last report" and "silent for N days": it read 400 days of store_sales_daily and
-- parcel_volumes (5.4M rows for a year of the prefecture); this holds a row per outlet and month
-- (about 22k a year). The newest day is the version of a ReplacingMergeTree, and readers take max():
-- a repeat of the same day changes nothing, so this table needs no deduplication of its own.
-- Kept by views on store_sales_daily (a view of a view, its blocks already summed by store and
-- day) and on parcel_volumes; backfilled once from them when empty (ingest stopped).

CREATE TABLE IF NOT EXISTS station_months (
  month Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  id String,
  last_day Date
) ENGINE = ReplacingMergeTree(last_day)
PARTITION BY toYear(month)
ORDER BY (county_code, township_code, id, month);

ALTER TABLE station_months
  COMMENT COLUMN `month` 'First day of the month (Asia/Shanghai)',
  COMMENT COLUMN `county_code` 'County of the outlet (NBS code, 6 digits)',
  COMMENT COLUMN `township_code` 'Township of the outlet (NBS code, 9 digits)',
  COMMENT COLUMN `id` 'Store id (POS sales) or station id (parcels)',
  COMMENT COLUMN `last_day` 'The last day in the month with POS sales or parcels of the outlet; take max(): rows merge when they merge';

-- requires: table_comment
ALTER TABLE station_months MODIFY COMMENT 'The last day each store or station reported in each month, for the officials'' last report and silence';

INSERT INTO station_months
SELECT toStartOfMonth(day) AS month, county_code, township_code, id, max(day) AS last_day
FROM (
  SELECT day, county_code, township_code, store_id AS id FROM store_sales_daily
  UNION ALL
  SELECT day, county_code, township_code, station_id AS id FROM parcel_volumes
)
WHERE (SELECT count() FROM station_months) = 0
GROUP BY month, county_code, township_code, id;

CREATE MATERIALIZED VIEW IF NOT EXISTS station_months_sales_mv TO station_months AS
SELECT toStartOfMonth(day) AS month, county_code, township_code, store_id AS id, max(day) AS last_day
FROM store_sales_daily
GROUP BY month, county_code, township_code, id;

CREATE MATERIALIZED VIEW IF NOT EXISTS station_months_parcels_mv TO station_months AS
SELECT toStartOfMonth(day) AS month, county_code, township_code, station_id AS id, max(day) AS last_day
FROM parcel_volumes
GROUP BY month, county_code, township_code, id;
