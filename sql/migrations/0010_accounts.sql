-- Who may ask: accounts, browser sessions, API tokens and sign-in attempts. Kept in the warehouse
-- so that every API process of a deployment on a ClickHouse server shares them (no second
-- database). An update is a new row with a higher `version` (milliseconds): the newest row of a
-- key wins, read with FINAL. Written for ClickHouse 18.16 too: no DateTime64, no Bool; TTLs only in
-- statements marked `requires: ttl`.

-- One row per login. password_hash is scrypt (api/auth/passwords.ts) and never leaves the API.
-- sessions_valid_after_ms is "sign out everywhere": sessions created before it are refused.
CREATE TABLE IF NOT EXISTS accounts (
  login String,
  name String,
  role Enum8('admin' = 1, 'official' = 2, 'merchant' = 3, 'analyst' = 4),
  area_code String,
  store_ids Array(String),
  password_hash String,
  disabled UInt8,
  demo UInt8,
  sessions_valid_after_ms UInt64,
  created_ms UInt64,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY login;

-- Browser sessions, keyed by the SHA-256 of the session id: the id itself lives only in the
-- signed cookie, so reading this table does not let anyone sign in.
CREATE TABLE IF NOT EXISTS auth_sessions (
  id_hash String,
  login String,
  created_ms UInt64,
  expires_ms UInt64,
  revoked UInt8,
  address String,
  user_agent String,
  version UInt64,
  written_at DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(version)
ORDER BY id_hash;

-- Bearer tokens for scripts. Only the SHA-256 of the secret part is kept; the token is shown once.
CREATE TABLE IF NOT EXISTS api_tokens (
  id String,
  login String,
  name String,
  secret_hash String,
  created_ms UInt64,
  expires_ms UInt64,
  revoked UInt8,
  version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- Every sign-in attempt, for slowing and locking guessers per account and per address.
CREATE TABLE IF NOT EXISTS auth_attempts (
  at DateTime('Asia/Shanghai'),
  at_ms UInt64,
  login String,
  address String,
  ok UInt8,
  written_at DateTime DEFAULT now()
) ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (login, at_ms);

-- Old rows go by the server's clock at the time of writing (written_at), not by times the API
-- put in them: sessions last at most 90 days (SESSION_TTL_HOURS), attempts count for minutes.
-- requires: ttl
ALTER TABLE auth_attempts MODIFY TTL written_at + INTERVAL 30 DAY;

-- requires: ttl
ALTER TABLE auth_sessions MODIFY TTL written_at + INTERVAL 100 DAY;
