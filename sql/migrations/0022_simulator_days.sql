-- The simulator's backfill, day by day: a day is recorded once all its batches landed, so a backfill
-- cut short (Ctrl-C, kill -9) resumes with the days not recorded. The day it was in is written again
-- under the same deduplication tokens, so its batches that had landed are dropped, dead letters too.
CREATE TABLE IF NOT EXISTS simulator_days (
  day Date,
  scope String,
  records UInt32,
  done_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(done_at)
ORDER BY (scope, day);

ALTER TABLE simulator_days
  COMMENT COLUMN `day` 'The simulated Shanghai day whose records all landed',
  COMMENT COLUMN `scope` 'The generator that made them: seed and scale (another seed is another backfill)',
  COMMENT COLUMN `records` 'How many records the generator made for the day, dead letters included',
  COMMENT COLUMN `done_at` 'When the day was recorded, server time';

-- requires: table_comment
ALTER TABLE simulator_days MODIFY COMMENT 'Backfill days of the in-process simulator that landed in full, so an interrupted backfill resumes';

-- requires: insert_dedup
ALTER TABLE dead_letters MODIFY SETTING non_replicated_deduplication_window = 10000;
