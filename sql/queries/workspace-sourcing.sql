-- Deliveries by distributors to shops of the counties {counties} over [from, to): per top-level category, product and
-- distributor, units and amount in fen (the wholesale unit price is amount / units), and the shops delivered to.
-- Only sellers that are distributors or a county logistics warehouse in the stores reference.
SELECT splitByChar('.', toString(d.category))[1] AS top, d.sku AS sku, d.seller_id AS distributor,
  toUInt64(count()) AS deliveries, toUInt64(sum(d.quantity)) AS qty, toUInt64(sum(d.amount_fen)) AS amount_fen,
  groupUniqArray(toString(d.dest_store_id)) AS buyers
FROM distribution_txns AS d
WHERE d.direction = 'downstream'
  AND d.occurred_at >= toDateTime({from:Date}, 'Asia/Shanghai') AND d.occurred_at < toDateTime({to:Date}, 'Asia/Shanghai')
  AND d.dest_store_id IN (SELECT id FROM stores FINAL WHERE substring(area_code, 1, 6) IN {counties:Array(String)})
  AND d.seller_id IN (SELECT id FROM stores FINAL WHERE type IN ('distributor', 'county_warehouse'))
  AND ({category:String} = '' OR top = {category:String})
GROUP BY top, sku, distributor
ORDER BY top, sku, distributor
