-- the {limit} newest audit rows, optionally of one login ({login} empty: all): who, when, route, parameters, status, rows returned, duration in ms.
SELECT toString(at) AS at, at_ms, login, role, via, address, method, route, params, status, rows, duration_ms
FROM audit_log
WHERE {login:String} = '' OR login = {login:String}
ORDER BY at_ms DESC
LIMIT {limit:UInt32}
