-- one analyst's last 200 workbench queries and exports, newest first: when, which route, the SQL text, the status, how it ended, rows, milliseconds
SELECT toString(at) AS at, route, detail AS sql, status, outcome, rows, duration_ms
FROM audit_log
WHERE login = {login:String} AND route IN ('/api/sql', '/api/sql/export') AND detail != ''
ORDER BY at_ms DESC
LIMIT 200
