-- How many stores other than {stores} sold the product {sku} (or the category {category} and its children) in an area over [from, to).
SELECT uniqExact(store_id) AS outlets
FROM store_sku_weekly
WHERE county_code IN {counties:Array(String)}
  AND (empty({townships:Array(String)}) OR township_code IN {townships:Array(String)})
  AND store_id NOT IN {stores:Array(String)}
  AND week >= {from:Date} AND week < {to:Date}
  AND if({sku:String} != '', sku = {sku:String}, category = {category:String} OR startsWith(category, concat({category:String}, '.')))
  AND qty > 0
