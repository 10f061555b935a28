-- Exactly once at any distance in time (docs/exactly-once.md): a batch claims its events' ids before
-- it writes their rows, and marks its range done in the ledger after. A range marked done is never
-- written again (an offset reset, a new group); ids claimed by a batch still under way or waiting
-- for its replay are not written by another. A refused event's claim is given back by a row with an
-- empty token; the newest row of an id (by `at`) says who holds it.

-- requires: insert_dedup
-- unless-column: ingest_batches.done
ALTER TABLE ingest_batches ADD COLUMN done UInt8 DEFAULT 0 COMMENT '1: the range''s rows landed (written after them); a range marked done is not written again';

-- requires: insert_dedup
-- unless-column: ingest_event_ids.at
ALTER TABLE ingest_event_ids ADD COLUMN at DateTime64(3) DEFAULT toDateTime64('2000-01-01 00:00:00', 3) COMMENT 'When the claim (or its release, with an empty token) was written; the newest row of an id holds it';
