-- online sellers (upstream platform orders) in [from, to] that the stores reference does not know: id, fen and orders, largest first.
SELECT m.seller_id AS seller_id, toUInt64(sum(m.amount_fen)) AS amount_fen, toUInt64(sum(m.orders)) AS orders
FROM online_sales_monthly AS m
ANY LEFT JOIN (SELECT id AS seller_id, area_code FROM stores FINAL) AS s USING (seller_id)
WHERE m.month >= {from:Date} AND m.month <= {to:Date} AND s.area_code = ''
GROUP BY seller_id
ORDER BY amount_fen DESC, seller_id
LIMIT 100
