-- Wholesale deliveries (downstream) to the stores {stores} on or after {from}: per product and delivery day, units
-- and amount in fen.
SELECT sku, toString(category) AS category, toString(toDate(occurred_at)) AS day, toUInt64(sum(quantity)) AS qty, toUInt64(sum(amount_fen)) AS amount_fen
FROM distribution_txns
WHERE direction = 'downstream' AND dest_store_id IN {stores:Array(String)}
  AND occurred_at >= toDateTime({from:Date}, 'Asia/Shanghai')
GROUP BY sku, category, day
ORDER BY sku, day
