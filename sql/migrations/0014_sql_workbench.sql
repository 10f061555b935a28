-- The analysts' SQL workbench: the audit trail keeps each query's full text and how it ended, and
-- saved queries keep every version (the latest per id is the query; a version with deleted = 1
-- ends it).

-- unless-column: audit_log.detail
ALTER TABLE audit_log ADD COLUMN detail String DEFAULT '';

-- unless-column: audit_log.outcome
ALTER TABLE audit_log ADD COLUMN outcome String DEFAULT '';

CREATE TABLE IF NOT EXISTS saved_queries (
  id String,
  version UInt32,
  owner String,
  name String,
  description String,
  sql String,
  params String,
  chart String,
  shared_with Array(String),
  deleted UInt8,
  saved_at DateTime('Asia/Shanghai'),
  saved_by String
) ENGINE = MergeTree
ORDER BY (id, version);
