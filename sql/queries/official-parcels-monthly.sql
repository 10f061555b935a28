-- parcels collected (out, 揽收) and delivered (in, 投递) by month and township in [from, to] within the caller's areas {scope}; with {by_unit} = 1 also by station (unit_id), for placing a township's parcels in its stations' villages, else unit_id ''.
SELECT toString(month) AS month_start, township_code, if({by_unit:UInt8} = 1, station_id, '') AS unit_id, toUInt64(sumIf(parcels, direction = 'out')) AS parcels_out, toUInt64(sumIf(parcels, direction = 'in')) AS parcels_in
FROM parcels_monthly
WHERE month >= {from:Date} AND month <= {to:Date}
  AND arrayExists(a -> startsWith(township_code, a), {scope:Array(String)})
GROUP BY month_start, township_code, unit_id
ORDER BY month_start, township_code, unit_id
