-- POS demand of all categories by child area of a prefecture (4 digits: counties) or county (6
-- digits: townships) and ISO week in [from, to) (whole weeks); qty in units, amount in fen. Reads
-- demand_weekly_area, one row per township and week.
-- {scope}: the caller's areas (code prefixes); rows outside every one of them are never read.
SELECT
  if(length({area:String}) = 4, county_code, township_code) AS area_code,
  week AS week_start,
  toUInt64(sum(qty)) AS qty,
  toUInt64(sum(amount_fen)) AS amount_fen
FROM demand_weekly_area
WHERE week >= {from:Date} AND week < {to:Date}
  AND startsWith(county_code, substring({area:String}, 1, 6))
  AND startsWith(township_code, {area:String})
  AND arrayExists(s -> startsWith(township_code, s), {scope:Array(String)})
GROUP BY area_code, week_start
HAVING qty > 0 OR amount_fen > 0
ORDER BY area_code, week_start
