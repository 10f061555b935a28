-- POS demand for a merchant's heatmap: by child area of {area} (as in demand-heatmap.sql), ISO week
-- in [from, to) and every node of the category tree at once ('' for all categories, the top level,
-- the category itself); qty in units, amount in fen. stores: distinct stores behind a cell;
-- own_stores: how many of them are the caller's ({own}). The API decides what to withhold on the
-- whole of it (api/suppression-cube.ts) before anything leaves it, so that a withheld cell cannot be
-- had by subtracting one category's figure from another's. {scope}: the caller's areas (code prefixes).
SELECT
  area_code,
  week_start,
  node AS category,
  uniqExact(store_id) AS stores,
  uniqExactIf(store_id, has({own:Array(String)}, store_id)) AS own_stores,
  toUInt64(sum(store_qty)) AS qty,
  toUInt64(sum(store_fen)) AS amount_fen
FROM (
  SELECT
    multiIf(length({area:String}) = 4, county_code,
            length({area:String}) = 6, township_code,
            if(village_code = '', township_code, village_code)) AS area_code,
    toMonday(day) AS week_start,
    store_id,
    toString(category) AS leaf,
    sum(qty) AS store_qty,
    sum(amount_fen) AS store_fen
  FROM store_sales_daily
  WHERE day >= {from:Date} AND day < {to:Date}
    AND startsWith(county_code, substring({area:String}, 1, 6))
    AND startsWith(township_code, {area:String})
    AND arrayExists(s -> startsWith(township_code, s), {scope:Array(String)})
  GROUP BY area_code, week_start, store_id, leaf
)
ARRAY JOIN arrayDistinct(['', splitByChar('.', leaf)[1], leaf]) AS node
GROUP BY area_code, week_start, node
HAVING qty > 0 OR amount_fen > 0
ORDER BY area_code, week_start, node
