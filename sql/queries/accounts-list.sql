-- every account, newest version of each, in login order. Times in epoch milliseconds.
SELECT login, name, toString(role) AS role, area_code, store_ids, password_hash, disabled, demo,
  sessions_valid_after_ms, created_ms, version
FROM accounts FINAL
ORDER BY login
