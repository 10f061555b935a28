-- Downstream flows (goods to the shops) to the stores {stores} over the months [from, to]: per seller, receiving store and
-- top-level category; orders, units, grams, fen.
SELECT toString(seller_id) AS seller, toString(dest_store_id) AS store, splitByChar('.', toString(category))[1] AS top,
  toUInt64(sum(orders)) AS n_orders, toUInt64(sum(qty)) AS units, toUInt64(sum(weight_g)) AS grams, toUInt64(sum(amount_fen)) AS fen
FROM flows_monthly
WHERE direction = 'downstream' AND dest_store_id IN {stores:Array(String)}
  AND month >= {from:Date} AND month <= {to:Date}
GROUP BY seller, store, top
ORDER BY seller, store, top
