-- distinct online sellers (upstream platform orders) per seller area in five windows: the month {m}, the month before {prev}, the same month last year {ly}, January to {m} and January to {ly} of last year. Seller area '' is unknown (included only with {include_unknown}); known sellers only within {scope}.
SELECT
  s.area_code AS seller_area,
  uniqExactIf(m.seller_id, m.month = {m:Date}) AS month_n,
  uniqExactIf(m.seller_id, m.month = {prev:Date}) AS prev_n,
  uniqExactIf(m.seller_id, m.month = {ly:Date}) AS ly_n,
  uniqExactIf(m.seller_id, m.month >= {ytd_from:Date} AND m.month <= {m:Date}) AS ytd_n,
  uniqExactIf(m.seller_id, m.month >= {ly_ytd_from:Date} AND m.month <= {ly:Date}) AS ly_ytd_n
FROM online_sales_monthly AS m
ANY LEFT JOIN (SELECT id AS seller_id, area_code FROM stores FINAL) AS s USING (seller_id)
WHERE m.month >= {ly_ytd_from:Date} AND m.month <= {m:Date} AND m.amount_fen > 0
  AND if(s.area_code = '', {include_unknown:UInt8} = 1, arrayExists(a -> startsWith(s.area_code, a), {scope:Array(String)}))
GROUP BY seller_area
