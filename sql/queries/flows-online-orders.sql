-- Online upstream orders from the area {area} (by the goods' origin) per month in [from, to] (first days of months).
SELECT toString(month) AS m, toUInt64(sum(orders)) AS n_orders
FROM flows_monthly
WHERE direction = 'upstream' AND channel = 'online'
  AND startsWith(origin_county_code, substring({area:String}, 1, 6)) AND startsWith(origin_township_code, {area:String})
  AND month >= {from:Date} AND month <= {to:Date}
GROUP BY m
ORDER BY m
