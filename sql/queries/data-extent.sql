-- first and last Shanghai calendar day with POS demand under {area} within the caller's areas {scope}, and the number of rollup rows (0: no data).
SELECT
  count() AS n,
  toString(min(day)) AS first_day,
  toString(max(day)) AS last_day
FROM demand_daily
WHERE startsWith(county_code, substring({area:String}, 1, 6))
  AND startsWith(township_code, {area:String})
  AND arrayExists(s -> startsWith(township_code, s), {scope:Array(String)})
