-- Receipts and sales of the stores {stores} per ISO week (Monday) in [from, to) and in [also_from, also_to) (an empty range when also_from = also_to) and payment; amount in fen.
SELECT week, toString(payment) AS payment, toUInt64(sum(receipts)) AS receipts, toUInt64(sum(amount_fen)) AS amount_fen
FROM store_receipts_weekly
WHERE county_code IN {counties:Array(String)} AND township_code IN {townships:Array(String)}
  AND store_id IN {stores:Array(String)}
  AND ((week >= {from:Date} AND week < {to:Date}) OR (week >= {also_from:Date} AND week < {also_to:Date}))
GROUP BY week, payment
ORDER BY week, payment
