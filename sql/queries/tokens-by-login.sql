-- the API tokens of {login}, newest version of each, newest first. Times in epoch milliseconds.
SELECT id, login, name, secret_hash, created_ms, expires_ms, revoked, version
FROM api_tokens FINAL
WHERE login = {login:String}
ORDER BY created_ms DESC, id
