-- The last ISO week (its Monday) with POS demand under {area} within the caller's areas {scope}, and
-- the number of rollup rows (0: no data). From the weekly rollup by township: a heatmap widens its
-- range to whole weeks anyway, and that rollup holds one row per township and week.
SELECT
  count() AS n,
  toString(max(week)) AS last_week
FROM demand_weekly_area
WHERE startsWith(county_code, substring({area:String}, 1, 6))
  AND startsWith(township_code, {area:String})
  AND arrayExists(s -> startsWith(township_code, s), {scope:Array(String)})
