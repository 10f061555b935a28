-- one monthly report's file: its area, month, format and bytes.
SELECT id, area_code, month, toString(format) AS format, produced_by, toString(produced_at) AS produced_at, bytes
FROM monthly_reports
WHERE id = {id:String}
