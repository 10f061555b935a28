-- POS demand for a merchant's pictures of one county {county}, every category at once ('' for all
-- categories, the top level, the category itself), by ISO week in [from, to): the county's own
-- cells (its row in the prefecture's picture), its townships' (the county's picture) and, for each
-- township in {townships}, its villages' (a store registered at the township is the township's
-- row). stores: distinct stores behind a cell; own_stores: how many of them are the caller's
-- ({own}). qty in units, amount in fen. The API decides what to withhold on all of it at once
-- (api/merchant-cubes.ts) before anything leaves it, so that no withheld cell can be had by
-- subtracting one category or area from another. One scan of the county serves every picture.
-- {scope}: the caller's areas (code prefixes).
SELECT
  level.1 AS picture,
  level.2 AS area_code,
  week_start,
  node AS category,
  uniqExact(store_key) AS stores,
  uniqExactIf(store_key, is_own) AS own_stores,
  toUInt64(sum(store_qty)) AS qty,
  toUInt64(sum(store_fen)) AS amount_fen
FROM (
  SELECT
    toString(county_code) AS county,
    toString(township_code) AS township,
    if(village_code = '', toString(township_code), village_code) AS village,
    toMonday(day) AS week_start,
    cityHash64(store_id) AS store_key, -- counted as a number: a fifth faster than the id's text
    has({own:Array(String)}, store_id) AS is_own,
    toString(category) AS leaf,
    sum(qty) AS store_qty,
    sum(amount_fen) AS store_fen
  FROM store_sales_daily
  WHERE day >= {from:Date} AND day < {to:Date}
    AND county_code = {county:String}
    AND arrayExists(s -> startsWith(township_code, s), {scope:Array(String)})
  GROUP BY county, township, village, week_start, store_key, is_own, leaf
)
ARRAY JOIN arrayConcat([(substring(county, 1, 4), county), (county, township)],
  if(has({townships:Array(String)}, township), [(township, village)], [])) AS level
ARRAY JOIN arrayDistinct(['', splitByChar('.', leaf)[1], leaf]) AS node
GROUP BY picture, area_code, week_start, category
HAVING qty > 0 OR amount_fen > 0
ORDER BY picture, area_code, week_start, category
