-- per store or station within {scope}, for the month {m}: POS sales and online-proxy fen and lines, and parcels out and in.
SELECT store_id AS id, sum(sales_fen) AS sales_fen, sum(proxy_fen) AS proxy_fen, sum(proxy_lines) AS proxy_lines,
  sum(parcels_out) AS parcels_out, sum(parcels_in) AS parcels_in
FROM (
  SELECT store_id, toUInt64(sum(amount_fen)) AS sales_fen, toUInt64(sumIf(amount_fen, channel = 'online_proxy')) AS proxy_fen,
    toUInt64(sumIf(lines, channel = 'online_proxy')) AS proxy_lines, toUInt64(0) AS parcels_out, toUInt64(0) AS parcels_in
  FROM store_monthly
  WHERE month = {m:Date} AND arrayExists(a -> startsWith(township_code, a), {scope:Array(String)})
  GROUP BY store_id
  UNION ALL
  SELECT station_id AS store_id, toUInt64(0), toUInt64(0), toUInt64(0), toUInt64(sumIf(parcels, direction = 'out')), toUInt64(sumIf(parcels, direction = 'in'))
  FROM parcels_monthly
  WHERE month = {m:Date} AND arrayExists(a -> startsWith(township_code, a), {scope:Array(String)})
  GROUP BY station_id
)
GROUP BY id
