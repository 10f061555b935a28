-- Per store of {ids}: receipts over [from, to).
SELECT store_id, toUInt64(sum(receipts)) AS receipts
FROM store_receipts_weekly
WHERE county_code = {county:String} AND store_id IN {ids:Array(String)}
  AND week >= {from:Date} AND week < {to:Date}
GROUP BY store_id
ORDER BY store_id
