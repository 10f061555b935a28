-- Receipts and sales of the stores {stores} per ISO week (Monday) in [from, to) and payment; amount in fen.
SELECT week, toString(payment) AS payment, toUInt64(sum(receipts)) AS receipts, toUInt64(sum(amount_fen)) AS amount_fen
FROM store_receipts_weekly
WHERE county_code IN {counties:Array(String)} AND township_code IN {townships:Array(String)}
  AND store_id IN {stores:Array(String)}
  AND week >= {from:Date} AND week < {to:Date}
GROUP BY week, payment
ORDER BY week, payment
