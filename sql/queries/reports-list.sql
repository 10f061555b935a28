-- the monthly reports of the areas under any of {scope}, newest first: id, area, month, format, who produced it and when, size and checksum (not the bytes); a file kept twice under one id (two API processes' automatic report) is listed once, its newest copy.
SELECT id, area_code, month, toString(format) AS format, produced_by, toString(produced_at) AS produced_at, size, sha256
FROM monthly_reports
WHERE arrayExists(a -> startsWith(area_code, a), {scope:Array(String)})
ORDER BY month DESC, area_code, produced_at DESC, format, sha256
LIMIT 1 BY id
