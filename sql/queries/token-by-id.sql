-- the API token {id}, newest version; no row if unknown. Times in epoch milliseconds.
SELECT id, login, name, secret_hash, created_ms, expires_ms, revoked, version
FROM api_tokens FINAL
WHERE id = {id:String}
