-- The Monday of the last week with sales of the stores {stores} (n = 0 when they have none).
SELECT count() AS n, toString(max(week)) AS last_week
FROM store_receipts_weekly
WHERE county_code IN {counties:Array(String)} AND township_code IN {townships:Array(String)}
  AND store_id IN {stores:Array(String)} AND receipts > 0
