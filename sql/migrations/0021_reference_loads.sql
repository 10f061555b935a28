-- What each reference file last loaded: a content checksum, so a file edited in place (a product
-- renamed, a target changed, with as many rows as before) is loaded again, and an unchanged one is
-- not (warehouse/reference.ts loadIfChanged).
CREATE TABLE IF NOT EXISTS reference_loads (
  name String,
  checksum String,
  rows UInt32,
  loaded_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(loaded_at)
ORDER BY name;

ALTER TABLE reference_loads
  COMMENT COLUMN `name` 'The table the reference file loads into',
  COMMENT COLUMN `checksum` 'SHA-256 of the rows last loaded from the file',
  COMMENT COLUMN `rows` 'How many rows that load wrote',
  COMMENT COLUMN `loaded_at` 'When, server time';

-- requires: table_comment
ALTER TABLE reference_loads MODIFY COMMENT 'Content checksum of each reference file last loaded, so a file edited in place is loaded again';
