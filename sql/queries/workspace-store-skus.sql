-- Sales of the stores {stores} per ISO week (Monday) in [from, to) and in [also_from, also_to) (an empty range when also_from = also_to), top-level and leaf category and product; qty in units, amount in fen.
-- {counties}, {townships}: where those stores are (the rollup's key prefix, so only their rows are read).
SELECT week, category, sku, toUInt64(sum(qty)) AS qty, toUInt64(sum(amount_fen)) AS amount_fen
FROM store_sku_weekly
WHERE county_code IN {counties:Array(String)} AND township_code IN {townships:Array(String)}
  AND village_code IN {villages:Array(String)}
  AND store_id IN {stores:Array(String)}
  AND ((week >= {from:Date} AND week < {to:Date}) OR (week >= {also_from:Date} AND week < {also_to:Date}))
GROUP BY week, category, sku
ORDER BY week, category, sku
