-- Deliveries (downstream) to each of the stores {stores} in [from, to) (days): days with a delivery, and the last one.
SELECT toString(dest_store_id) AS store, uniqExact(toDate(occurred_at)) AS days, toString(max(toDate(occurred_at))) AS last_day
FROM distribution_txns
WHERE direction = 'downstream' AND dest_store_id IN {stores:Array(String)}
  AND occurred_at >= toDateTime({from:Date}, 'Asia/Shanghai') AND occurred_at < toDateTime({to:Date}, 'Asia/Shanghai')
GROUP BY store
ORDER BY store
