-- Dead letters gain a reason: out_of_range, an event time before 2000-01-01 or more than a day after
-- the message was sent (ingest/decode.ts). COMMENT COLUMN is idempotent and works on 18.16.
ALTER TABLE dead_letters
  COMMENT COLUMN `reason` 'Why it was refused: too_large, not_json, schema, out_of_range (a time before 2000-01-01 or more than a day after it was sent) or insert_rejected';
