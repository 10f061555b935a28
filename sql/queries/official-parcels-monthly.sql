-- parcels collected (out, 揽收) and delivered (in, 投递) by month and township in [from, to] within the caller's areas {scope}.
SELECT toString(month) AS month_start, township_code, toUInt64(sumIf(parcels, direction = 'out')) AS parcels_out, toUInt64(sumIf(parcels, direction = 'in')) AS parcels_in
FROM parcels_monthly
WHERE month >= {from:Date} AND month <= {to:Date}
  AND arrayExists(a -> startsWith(township_code, a), {scope:Array(String)})
GROUP BY month_start, township_code
ORDER BY month_start, township_code
