-- POS sales of the store {store} by ISO week (Monday start) in [from, to): receipt lines, units and fen, online-proxy fen apart.
-- {county}, {township} and {village} (empty for a store registered at a township) are where it is: the rollup's key prefix.
SELECT
  toMonday(day) AS week_start,
  toUInt64(sum(s.lines)) AS lines,
  toUInt64(sum(s.qty)) AS qty,
  toUInt64(sum(s.amount_fen)) AS amount_fen,
  toUInt64(sumIf(s.amount_fen, s.channel = 'online_proxy')) AS online_proxy_fen
FROM store_sales_daily AS s
WHERE store_id = {store:String}
  AND county_code = {county:String} AND township_code = {township:String} AND village_code = {village:String}
  AND day >= {from:Date} AND day < {to:Date}
GROUP BY week_start
ORDER BY week_start
