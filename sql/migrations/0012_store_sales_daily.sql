-- Rollup: POS sales per store x category x channel x Shanghai day, kept by a materialized view
-- like demand_daily. It answers what a merchant may see: their own store's figures, and how many
-- distinct stores stand behind an area's aggregate (shown to merchants only from 5 stores up).
-- Readers sum() and GROUP BY, since SummingMergeTree merges when it merges.

CREATE TABLE IF NOT EXISTS store_sales_daily (
  day Date,
  county_code LowCardinality(String),
  township_code LowCardinality(String),
  village_code String,
  store_id String,
  category LowCardinality(String),
  channel Enum8('offline' = 1, 'online_proxy' = 2),
  lines UInt64,
  qty UInt64,
  amount_fen UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (county_code, township_code, village_code, store_id, category, channel, day);

-- requires: insert_dedup
ALTER TABLE store_sales_daily MODIFY SETTING non_replicated_deduplication_window = 10000;

-- The lines already in pos_lines, once: only while the rollup is still empty, so a rerun after a
-- crash adds nothing. Run with ingest stopped (main.ts migrates before it starts ingest).
INSERT INTO store_sales_daily
SELECT toDate(sold_at) AS day, county_code, township_code, village_code, store_id, category, channel,
  count() AS lines, sum(quantity) AS qty, sum(amount_fen) AS amount_fen
FROM pos_lines
WHERE (SELECT count() FROM store_sales_daily) = 0
GROUP BY day, county_code, township_code, village_code, store_id, category, channel;

CREATE MATERIALIZED VIEW IF NOT EXISTS store_sales_daily_mv TO store_sales_daily AS
SELECT
  toDate(sold_at) AS day,
  county_code,
  township_code,
  village_code,
  store_id,
  category,
  channel,
  count() AS lines,
  sum(quantity) AS qty,
  sum(amount_fen) AS amount_fen
FROM pos_lines
GROUP BY day, county_code, township_code, village_code, store_id, category, channel;
