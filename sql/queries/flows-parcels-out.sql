-- Parcels collected (direction out) at the stations of the area {area} per month in [from, to] (first days of months).
SELECT toString(month) AS m, toUInt64(sum(parcels)) AS parcels
FROM parcels_monthly
WHERE startsWith(county_code, substring({area:String}, 1, 6)) AND startsWith(township_code, {area:String})
  AND direction = 'out' AND month >= {from:Date} AND month <= {to:Date}
GROUP BY m
ORDER BY m
