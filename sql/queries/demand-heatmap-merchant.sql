-- POS demand by child area of {area} and ISO week in [from, to) for a merchant's heatmap; qty in
-- units, amount in fen. stores: distinct stores behind a cell; own_stores: how many of them are the
-- caller's ({own}): the API withholds a cell by them (api/suppression.ts) before anything leaves it.
-- {scope}: the caller's areas (code prefixes). Child areas as in demand-heatmap.sql.
-- All categories read demand-heatmap-merchant-weekly.sql instead (each store's weeks).
SELECT
  multiIf(length({area:String}) = 4, county_code,
          length({area:String}) = 6, township_code,
          if(village_code = '', township_code, village_code)) AS area_code,
  toMonday(day) AS week_start,
  uniqExact(store_id) AS stores,
  uniqExactIf(store_id, has({own:Array(String)}, store_id)) AS own_stores,
  toUInt64(sum(qty)) AS qty,
  toUInt64(sum(amount_fen)) AS amount_fen
FROM store_sales_daily
WHERE day >= {from:Date} AND day < {to:Date}
  AND startsWith(county_code, substring({area:String}, 1, 6))
  AND startsWith(township_code, {area:String})
  AND arrayExists(s -> startsWith(township_code, s), {scope:Array(String)})
  AND ({category:String} = '' OR category = {category:String} OR startsWith(category, concat({category:String}, '.')))
GROUP BY area_code, week_start
HAVING qty > 0 OR amount_fen > 0
ORDER BY area_code, week_start
