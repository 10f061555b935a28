-- POS sales of the store {store} by top-level category in [from, to): units and fen, largest first.
-- {county}, {township} and {village} (empty for a store registered at a township) are where it is: the rollup's key prefix.
SELECT
  splitByChar('.', toString(category))[1] AS category,
  toUInt64(sum(qty)) AS qty,
  toUInt64(sum(amount_fen)) AS amount_fen
FROM store_sales_daily
WHERE store_id = {store:String}
  AND county_code = {county:String} AND township_code = {township:String} AND village_code = {village:String}
  AND day >= {from:Date} AND day < {to:Date}
GROUP BY category
ORDER BY amount_fen DESC, category
