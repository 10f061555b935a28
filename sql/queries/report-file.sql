-- one monthly report's file: its area, month, format and bytes (of an id kept twice, the newest copy, as the listing shows it).
SELECT id, area_code, month, toString(format) AS format, produced_by, toString(produced_at) AS produced_at, bytes
FROM monthly_reports
WHERE id = {id:String}
ORDER BY produced_at DESC, sha256
LIMIT 1
