-- The first and last month with {direction} flows from the area {area} (n = 0: none).
SELECT count() AS n, toString(min(month)) AS first_month, toString(max(month)) AS last_month
FROM flows_monthly
WHERE direction = {direction:String}
  AND startsWith(origin_county_code, substring({area:String}, 1, 6)) AND startsWith(origin_township_code, {area:String})
