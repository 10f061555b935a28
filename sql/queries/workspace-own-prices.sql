-- Units the stores {stores} sold per product and shelf price (fen) over [from, to), of the product {sku}, or else of the
-- category {category} and its children.
SELECT sku, unit_price_fen AS price_fen, toUInt64(sum(qty)) AS qty
FROM store_sku_weekly
WHERE county_code IN {counties:Array(String)} AND township_code IN {townships:Array(String)}
  AND village_code IN {villages:Array(String)}
  AND store_id IN {stores:Array(String)}
  AND week >= {from:Date} AND week < {to:Date}
  AND if({sku:String} != '', sku = {sku:String}, category = {category:String} OR startsWith(category, concat({category:String}, '.')))
GROUP BY sku, price_fen
HAVING qty > 0
ORDER BY sku, price_fen
