-- Who asked for what: one row per request to a data or account route, with the caller, the
-- route's pattern, its parameters (never a password or token), the status and how many rows the
-- answer held. Written by the API in small batches (api/audit.ts).

CREATE TABLE IF NOT EXISTS audit_log (
  at DateTime('Asia/Shanghai'),
  at_ms UInt64,
  login String,
  role LowCardinality(String),
  via LowCardinality(String),
  address String,
  method LowCardinality(String),
  route LowCardinality(String),
  params String,
  status UInt16,
  rows UInt32,
  duration_ms UInt32
) ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (at, login);
