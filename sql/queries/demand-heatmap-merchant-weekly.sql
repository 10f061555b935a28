-- demand-heatmap-merchant.sql for all categories, from store_sales_weekly (one row per store and
-- week): POS demand by child area of {area} and ISO week in [from, to), the stores behind each
-- cell and how many are the caller's ({own}), which the API's suppression reads.
SELECT
  multiIf(length({area:String}) = 4, county_code,
          length({area:String}) = 6, township_code,
          if(village_code = '', township_code, village_code)) AS area_code,
  week AS week_start,
  uniqExact(store_id) AS stores,
  uniqExactIf(store_id, has({own:Array(String)}, store_id)) AS own_stores,
  toUInt64(sum(qty)) AS qty,
  toUInt64(sum(amount_fen)) AS amount_fen
FROM store_sales_weekly
WHERE week >= {from:Date} AND week < {to:Date}
  AND startsWith(county_code, substring({area:String}, 1, 6))
  AND startsWith(township_code, {area:String})
  AND arrayExists(s -> startsWith(township_code, s), {scope:Array(String)})
GROUP BY area_code, week_start
HAVING qty > 0 OR amount_fen > 0
ORDER BY area_code, week_start
