-- Sales (fen, units) by the other outlets of an area (every store but {stores}) per leaf category and product over [from, to), with
-- the period [prev, from) before it; Rows with sku = '' are the category's totals (WITH
-- ROLLUP), whose outlets count each store once across its products. outlets, prev_outlets: stores that sold it in [from, to), in [prev, from).
SELECT toString(category) AS category, sku,
  toUInt64(sumIf(amount_fen, week >= {from:Date})) AS fen,
  toUInt64(sumIf(qty, week >= {from:Date})) AS units,
  toUInt64(sumIf(amount_fen, week < {from:Date})) AS prev_fen,
  uniqExactIf(store_id, week >= {from:Date}) AS outlets,
  uniqExactIf(store_id, week < {from:Date}) AS prev_outlets
FROM store_sku_weekly
WHERE county_code IN {counties:Array(String)}
  AND (empty({townships:Array(String)}) OR township_code IN {townships:Array(String)})
  AND store_id NOT IN {stores:Array(String)}
  AND week >= {prev:Date} AND week < {to:Date}
GROUP BY category, sku WITH ROLLUP
HAVING category != ''
ORDER BY category, sku
