-- Per store of {ids} (a store's peers and itself): sales over [from, to) and over [prev, from) in fen, and the leaf
-- categories it sold in [from, to).
SELECT store_id,
  toUInt64(sumIf(amount_fen, week >= {from:Date})) AS sales_fen,
  toUInt64(sumIf(amount_fen, week < {from:Date})) AS prev_fen,
  uniqExactIf(category, week >= {from:Date} AND qty > 0) AS categories
FROM store_sku_weekly
WHERE county_code = {county:String} AND store_id IN {ids:Array(String)}
  AND week >= {prev:Date} AND week < {to:Date}
GROUP BY store_id
ORDER BY store_id
