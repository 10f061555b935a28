-- The ledger of Kafka batches, keyed by the whole range: ingest_ledger's key (topic, partition,
-- first_offset) let a second range with the same first offset replace the first one, and a
-- replay must see every range that may have landed. The Kafka source writes here from now on.

CREATE TABLE IF NOT EXISTS ingest_batches (
  topic LowCardinality(String),
  partition UInt32,
  first_offset UInt64,
  last_offset UInt64,
  created_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(created_at)
ORDER BY (topic, partition, first_offset, last_offset);

DROP TABLE IF EXISTS ingest_ledger;
