-- Every event id the Kafka ingest has written, with the token of the batch that wrote it, so an
-- event sent twice (a device or producer retrying) is counted once. A batch re-formed after a
-- crash carries its own token and so is not filtered against itself: it stays identical to the
-- first attempt, and the engine's token deduplication decides. Partitioned by the event's month,
-- so the lookup reads only the months a batch touches.

CREATE TABLE IF NOT EXISTS ingest_event_ids (
  kind LowCardinality(String),
  id String,
  token String,
  day Date
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (kind, id);

-- requires: insert_dedup
ALTER TABLE ingest_event_ids MODIFY SETTING non_replicated_deduplication_window = 10000;
