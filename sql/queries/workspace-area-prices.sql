-- Units sold per shelf price (fen) by the other outlets of an area (every store but {stores}) over [from, to), of the
-- products {skus} (those of a product or category that api/workspace/periods.ts lets through); outlets: stores that sold at that price. The
-- row of price 0 (WITH ROLLUP) is the total: its outlets count each store once (shelf prices are at least 1 jiao).
-- stores: which outlets sold at that price, so that each price band can be held to k of them.
SELECT unit_price_fen AS price_fen, toUInt64(sum(qty)) AS qty, uniqExact(store_id) AS outlets, groupUniqArray(toString(store_id)) AS stores
FROM store_sku_weekly
WHERE county_code IN {counties:Array(String)}
  AND (empty({townships:Array(String)}) OR township_code IN {townships:Array(String)})
  AND store_id NOT IN {stores:Array(String)}
  AND week >= {from:Date} AND week < {to:Date}
  AND sku IN {skus:Array(String)}
GROUP BY price_fen WITH ROLLUP
HAVING qty > 0
ORDER BY price_fen
