-- per store or station within {scope}: the newest day with POS sales or parcels on or before {until}, looking back to {since}.
SELECT id, toString(max(last_day)) AS last_day
FROM (
  SELECT store_id AS id, max(day) AS last_day
  FROM store_sales_daily
  WHERE day >= {since:Date} AND day <= {until:Date} AND arrayExists(a -> startsWith(township_code, a), {scope:Array(String)})
  GROUP BY store_id
  UNION ALL
  SELECT station_id AS id, max(day) AS last_day
  FROM parcel_volumes
  WHERE day >= {since:Date} AND day <= {until:Date} AND arrayExists(a -> startsWith(township_code, a), {scope:Array(String)})
  GROUP BY station_id
)
GROUP BY id
