-- Other outlets (every store but {stores}) that sold each product, and each leaf category (sku = ''), per 4-week
-- period from {from} (period 0) to {to}, inside the area (inside = 1: the townships {townships}, or all of the
-- counties when empty) and in the rest of the counties {counties} (inside = 0): what api/workspace/periods.ts checks
-- before a figure over several weeks is shown. {sku}: only that product's top-level category (every product and
-- leaf under it: a product is judged with the others of its category, and its category with the others of its
-- top-level one); {category}: only the top-level category above it; '' for any.
SELECT toString(category) AS category, sku,
  toUInt32(intDiv(dateDiff('day', {from:Date}, week), 28)) AS period,
  toUInt8(empty({townships:Array(String)}) OR township_code IN {townships:Array(String)}) AS inside,
  uniqExact(store_id) AS outlets
FROM store_sku_weekly
WHERE county_code IN {counties:Array(String)}
  AND store_id NOT IN {stores:Array(String)}
  AND week >= {from:Date} AND week < {to:Date}
  AND ({sku:String} = '' OR splitByChar('.', toString(category))[1] IN (
    SELECT splitByChar('.', toString(category))[1] FROM store_sku_weekly
    WHERE county_code IN {counties:Array(String)} AND sku = {sku:String} AND week >= {from:Date} AND week < {to:Date}))
  AND ({category:String} = '' OR splitByChar('.', toString(category))[1] = splitByChar('.', {category:String})[1])
GROUP BY GROUPING SETS ((category, sku, period, inside), (category, period, inside))
ORDER BY category, sku, period, inside
