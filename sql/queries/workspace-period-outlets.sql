-- Other outlets (every store but {stores}) that sold each product, and each leaf category (sku = ''), per 4-week
-- period from {from} (period 0) to {to}, inside the area (inside = 1: the townships {townships}, or all of the
-- counties when empty) and in the rest of the counties {counties} (inside = 0): what api/workspace/periods.ts checks
-- before a figure over several weeks is shown. {sku}: only that product's category (all its products: a product
-- is judged with the others of its category); {category}: only that category and its children; '' for any.
SELECT toString(category) AS category, sku,
  toUInt32(intDiv(dateDiff('day', {from:Date}, week), 28)) AS period,
  toUInt8(empty({townships:Array(String)}) OR township_code IN {townships:Array(String)}) AS inside,
  uniqExact(store_id) AS outlets
FROM store_sku_weekly
WHERE county_code IN {counties:Array(String)}
  AND store_id NOT IN {stores:Array(String)}
  AND week >= {from:Date} AND week < {to:Date}
  AND ({sku:String} = '' OR category IN (
    SELECT category FROM store_sku_weekly
    WHERE county_code IN {counties:Array(String)} AND sku = {sku:String} AND week >= {from:Date} AND week < {to:Date}))
  AND ({category:String} = '' OR category = {category:String} OR startsWith(category, concat({category:String}, '.')))
GROUP BY GROUPING SETS ((category, sku, period, inside), (category, period, inside))
ORDER BY category, sku, period, inside
