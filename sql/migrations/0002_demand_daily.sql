-- Rollup: POS demand by area x category x channel x Shanghai calendar day, kept by a
-- materialized view so dashboards never scan raw lines. SummingMergeTree adds rows with the same
-- key at merge time; readers must still sum() and GROUP BY, since merges happen when they happen.

CREATE TABLE IF NOT EXISTS demand_daily (
  day Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  village_code String,
  category LowCardinality(String),
  channel Enum8('offline' = 1, 'online_proxy' = 2),
  lines UInt64,
  qty UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (county_code, township_code, village_code, category, channel, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS demand_daily_mv TO demand_daily AS
SELECT
  toDate(sold_at) AS day,
  county_code,
  township_code,
  village_code,
  category,
  channel,
  count() AS lines,
  sum(quantity) AS qty,
  sum(amount_fen) AS amount_fen
FROM pos_lines
GROUP BY day, county_code, township_code, village_code, category, channel;
