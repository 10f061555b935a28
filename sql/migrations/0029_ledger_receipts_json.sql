-- Which way a recorded range's receipts went to the warehouse: as rows into pos_lines, or as their
-- JSON through pos_receipts_in (migration 0028, ingest/event-insert.ts). The deduplication key of a
-- block that reaches pos_lines through a view is not that of a block inserted into it directly
-- (ClickHouse 24.7 and later key a view's blocks by the view too), so a range must be written again
-- the way it was first written: a range recorded before this column existed was written as rows.

-- requires: insert_dedup
-- unless-column: ingest_batches.receipts_json
ALTER TABLE ingest_batches ADD COLUMN receipts_json UInt8 DEFAULT 0 COMMENT '1: the range''s POS receipts were written as their JSON (pos_receipts_in); a replay writes them the same way, so their deduplication tokens match';
