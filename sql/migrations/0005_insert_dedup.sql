-- Exactly-once ingest: a batch re-inserted with the same insert_deduplication_token (after a
-- crash or a retry) is dropped by the engine, in the raw table and, through
-- deduplicate_blocks_in_dependent_materialized_views, in the rollups. A non-replicated MergeTree
-- only remembers tokens when this window is set: the last 10,000 blocks per table, far more
-- than can be in flight between an insert and its Kafka offset commit. See docs/exactly-once.md.

-- requires: insert_dedup
ALTER TABLE pos_lines MODIFY SETTING non_replicated_deduplication_window = 10000;

-- requires: insert_dedup
ALTER TABLE distribution_txns MODIFY SETTING non_replicated_deduplication_window = 10000;

-- requires: insert_dedup
ALTER TABLE parcel_volumes MODIFY SETTING non_replicated_deduplication_window = 10000;

-- requires: insert_dedup
ALTER TABLE demand_daily MODIFY SETTING non_replicated_deduplication_window = 10000;

-- Which partition offset ranges were handed to the warehouse as one batch, written before the
-- batch itself: after a crash, the next owner of the partition re-forms exactly these batches,
-- so their tokens repeat and the engine drops what already landed. One row per batch of up to
-- 10,000 rows: small enough to keep (18.16 has no TTL to prune it).
CREATE TABLE IF NOT EXISTS ingest_ledger (
  topic LowCardinality(String),
  partition UInt32,
  first_offset UInt64,
  last_offset UInt64,
  created_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(created_at)
ORDER BY (topic, partition, first_offset);
