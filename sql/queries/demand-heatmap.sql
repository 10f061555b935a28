-- POS demand by child area of {area} and ISO week (Monday start) in [from, to); qty in units, amount in fen.
-- The child of the prefecture (4 digits) is a county, of a county a township, of a township a village
-- (lines of stores registered at the township itself count under the township's own code).
-- {scope}: the caller's areas (code prefixes); rows outside every one of them are never read.
SELECT
  multiIf(length({area:String}) = 4, county_code,
          length({area:String}) = 6, township_code,
          if(village_code = '', township_code, village_code)) AS area_code,
  toMonday(day) AS week_start,
  toUInt64(sum(qty)) AS qty,
  toUInt64(sum(amount_fen)) AS amount_fen
FROM demand_daily
WHERE day >= {from:Date} AND day < {to:Date}
  AND startsWith(county_code, substring({area:String}, 1, 6))
  AND startsWith(township_code, {area:String})
  AND arrayExists(s -> startsWith(township_code, s), {scope:Array(String)})
  AND ({category:String} = '' OR category = {category:String} OR startsWith(category, concat({category:String}, '.')))
GROUP BY area_code, week_start
HAVING qty > 0 OR amount_fen > 0
ORDER BY area_code, week_start
