-- what changes whenever the data the views show changes: the newest modification of an active part (Unix seconds), the active parts and the rows in them, over this database's tables except the platform's own bookkeeping of who asked (accounts, sessions, tokens, sign-ins, the audit trail, analysts' saved queries).
SELECT toUInt64(max(modification_time)) AS modified, count() AS parts, sum(rows) AS rows
FROM system.parts
WHERE database = currentDatabase() AND active
  AND table NOT IN ('accounts', 'auth_sessions', 'api_tokens', 'auth_attempts', 'audit_log', 'saved_queries')
