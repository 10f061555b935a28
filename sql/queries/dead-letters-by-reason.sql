-- dead letters per stream and reason, with the newest of each (Asia/Shanghai).
SELECT kind, reason, count() AS n, toString(max(received_at)) AS latest
FROM dead_letters
GROUP BY kind, reason
ORDER BY n DESC, kind, reason
