-- Reference tables, reloaded whole from reference/ at start-up; ReplacingMergeTree keeps the
-- newest load of each key, so a reload never doubles a row (read with FINAL).

CREATE TABLE IF NOT EXISTS areas (
  code String,
  name String,
  level Enum8('prefecture' = 1, 'county' = 2, 'township' = 3, 'village' = 4),
  parent_code String,
  loaded_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY code;

CREATE TABLE IF NOT EXISTS stores (
  id String,
  name String,
  type LowCardinality(String),
  tier UInt8,
  area_code String,
  opened_on Date,
  status LowCardinality(String),
  loaded_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY id;
