-- POS sales in an area per row and ISO week (Monday) in [from, to); qty in units, amount in fen. Rows: the top-level
-- category ({view} = 'category'), else the village (a store at a township: the township) when {townships} is given,
-- else the township. outlets: stores behind a cell; own: how many of them are {stores}.
SELECT
  multiIf({view:String} = 'category', splitByChar('.', toString(category))[1],
          notEmpty({townships:Array(String)}), if(village_code = '', toString(township_code), village_code),
          toString(township_code)) AS row_key,
  week,
  uniqExact(store_id) AS outlets,
  uniqExactIf(store_id, store_id IN {stores:Array(String)}) AS own,
  toUInt64(sum(qty)) AS qty,
  toUInt64(sum(amount_fen)) AS amount_fen
FROM store_sku_weekly
WHERE county_code IN {counties:Array(String)}
  AND (empty({townships:Array(String)}) OR township_code IN {townships:Array(String)})
  AND week >= {from:Date} AND week < {to:Date}
  AND ({category:String} = '' OR category = {category:String} OR startsWith(category, concat({category:String}, '.')))
GROUP BY row_key, week
ORDER BY row_key, week
