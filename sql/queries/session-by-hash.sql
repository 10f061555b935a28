-- the browser session whose id hashes to {id_hash}, newest version; no row if unknown. Times in epoch milliseconds.
SELECT id_hash, login, created_ms, expires_ms, revoked, version
FROM auth_sessions FINAL
WHERE id_hash = {id_hash:String}
