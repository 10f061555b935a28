-- Wholesale deliveries (downstream) into the shops of an area per row and ISO week (Monday) in [from, to); qty in
-- units, amount in fen. The receiving shop's area comes from the stores reference. Rows as in workspace-demand-pos.sql.
-- outlets: receiving shops behind a cell; own: how many of them are {stores}.
SELECT
  multiIf({view:String} = 'category', splitByChar('.', toString(d.category))[1],
          notEmpty({townships:Array(String)}), if(length(s.area_code) = 12, s.area_code, substring(s.area_code, 1, 9)),
          substring(s.area_code, 1, 9)) AS row_key,
  toMonday(d.occurred_at) AS week,
  uniqExact(d.dest_store_id) AS outlets,
  uniqExactIf(d.dest_store_id, d.dest_store_id IN {stores:Array(String)}) AS own,
  toUInt64(sum(d.quantity)) AS qty,
  toUInt64(sum(d.amount_fen)) AS amount_fen
FROM distribution_txns AS d
INNER JOIN (
  SELECT id, area_code FROM stores FINAL
  WHERE substring(area_code, 1, 6) IN {counties:Array(String)}
    AND (empty({townships:Array(String)}) OR substring(area_code, 1, 9) IN {townships:Array(String)})
) AS s ON s.id = d.dest_store_id
WHERE d.direction = 'downstream'
  AND d.occurred_at >= toDateTime({from:Date}, 'Asia/Shanghai') AND d.occurred_at < toDateTime({to:Date}, 'Asia/Shanghai')
  AND ({category:String} = '' OR d.category = {category:String} OR startsWith(d.category, concat({category:String}, '.')))
GROUP BY row_key, week
ORDER BY row_key, week
