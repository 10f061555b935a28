-- online orders placed at stations for villagers (POS channel online_proxy) by month and township in [from, to] within the caller's areas {scope}: lines and fen; with {by_unit} = 1 also by store (unit_id), for placing a township's figures in its stores' villages, else unit_id ''.
SELECT toString(month) AS month_start, township_code, if({by_unit:UInt8} = 1, store_id, '') AS unit_id, toUInt64(sum(lines)) AS lines, toUInt64(sum(amount_fen)) AS amount_fen
FROM store_monthly
WHERE channel = 'online_proxy' AND month >= {from:Date} AND month <= {to:Date}
  AND arrayExists(a -> startsWith(township_code, a), {scope:Array(String)})
GROUP BY month_start, township_code, unit_id
ORDER BY month_start, township_code, unit_id
