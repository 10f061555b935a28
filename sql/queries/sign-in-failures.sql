-- failed sign-ins after {since_ms} (epoch ms): of {login} since its last success, and from {address}; with the time of the latest of each (0: none).
WITH (SELECT max(at_ms) FROM auth_attempts WHERE login = {login:String} AND ok = 1) AS last_ok
SELECT
  countIf(login = {login:String} AND ok = 0 AND at_ms > last_ok) AS login_failures,
  maxIf(at_ms, login = {login:String} AND ok = 0 AND at_ms > last_ok) AS login_last_ms,
  countIf(address = {address:String} AND ok = 0) AS address_failures,
  maxIf(at_ms, address = {address:String} AND ok = 0) AS address_last_ms
FROM auth_attempts
WHERE at_ms > {since_ms:UInt64} AND (login = {login:String} OR address = {address:String})
