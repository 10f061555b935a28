-- online retail (upstream platform orders) by month and seller area in [from, to] (months as their first days): fen, agricultural fen, orders and distinct sellers. A seller missing from the stores reference has seller_area '' (unknown) and is included only with {include_unknown}; known sellers only within the caller's areas {scope}.
SELECT
  toString(m.month) AS month_start,
  s.area_code AS seller_area,
  toUInt64(sum(m.amount_fen)) AS amount_fen,
  toUInt64(sumIf(m.amount_fen, p.agricultural = 1)) AS agri_fen,
  toUInt64(sum(m.orders)) AS orders,
  uniqExact(m.seller_id) AS sellers
FROM online_sales_monthly AS m
ANY LEFT JOIN (SELECT id AS seller_id, area_code FROM stores FINAL) AS s USING (seller_id)
ANY LEFT JOIN (SELECT sku, agricultural FROM products FINAL) AS p USING (sku)
WHERE m.month >= {from:Date} AND m.month <= {to:Date}
  AND if(s.area_code = '', {include_unknown:UInt8} = 1, arrayExists(a -> startsWith(s.area_code, a), {scope:Array(String)}))
GROUP BY month_start, seller_area
ORDER BY month_start, seller_area
