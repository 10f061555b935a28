-- Records the pipeline refused, with the reason, so nothing disappears silently. Kept per month
-- so an operator can inspect, fix the producer and replay.

CREATE TABLE IF NOT EXISTS dead_letters (
  received_at DateTime('Asia/Shanghai'),
  source LowCardinality(String),
  kind LowCardinality(String),
  reason LowCardinality(String),
  detail String,
  payload String
) ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (received_at, source);
