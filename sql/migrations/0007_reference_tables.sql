-- Reference tables loaded from reference/*.json and reference/national-online-retail.csv.
-- Each is a ReplacingMergeTree versioned by loaded_at: a reload never doubles a row, and the
-- latest load of a key wins (read with FINAL). Written for ClickHouse 18.16 as well: no Bool
-- (UInt8 0/1), no DateTime64, no Nullable column in a sorting key.

-- One row per SKU. Empty season_months means on sale all year; empty origin_area_code means not
-- local produce. assumed = 1 when a price, season or origin is not from a named source.
CREATE TABLE IF NOT EXISTS products (
  sku String,
  name String,
  category LowCardinality(String),
  price_fen UInt64,
  unit String,
  weight Float64,
  agricultural UInt8,
  poverty_relief UInt8,
  origin_area_code String,
  season_months Array(UInt8),
  peak_months Array(UInt8),
  assumed UInt8,
  sourced Array(String),
  note String,
  loaded_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY sku;

-- The category tree, flattened: a top category has level 1 and an empty parent_code.
CREATE TABLE IF NOT EXISTS categories (
  code String,
  parent_code String,
  level UInt8,
  zh String,
  en String,
  loaded_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY code;

-- E-commerce training records (one row per reported batch of sessions). trainees counts
-- attendances (人次), satisfied and converted are subsets of it.
CREATE TABLE IF NOT EXISTS training_sessions (
  id String,
  day Date,
  area_code String,
  county_code LowCardinality(String),
  audience LowCardinality(String),
  sessions UInt32,
  trainees UInt32,
  satisfied UInt32,
  converted UInt32,
  simulated UInt8,
  loaded_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY id;

-- National figures that county growth is compared against, in 亿元 (100 million yuan) and
-- percent, with where each came from. An official's upload is a newer row for the same
-- (indicator, year) and replaces the repost it corrects.
CREATE TABLE IF NOT EXISTS national_reference (
  year UInt16,
  indicator LowCardinality(String),
  value_100m_yuan Nullable(Float64),
  yoy_pct Nullable(Float64),
  source String,
  confidence LowCardinality(String),
  loaded_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY (indicator, year);
