-- Upstream flows from the area {area} per month, of the product {sku} or else of the category {category} (all when
-- both are empty): orders, units, grams, fen.
SELECT toString(month) AS m, toUInt64(sum(orders)) AS n_orders, toUInt64(sum(qty)) AS units, toUInt64(sum(weight_g)) AS grams,
  toUInt64(sum(amount_fen)) AS fen
FROM flows_monthly
WHERE direction = 'upstream'
  AND startsWith(origin_county_code, substring({area:String}, 1, 6)) AND startsWith(origin_township_code, {area:String})
  AND if({sku:String} != '', sku = {sku:String},
         {category:String} = '' OR category = {category:String} OR startsWith(category, concat({category:String}, '.')))
GROUP BY m
ORDER BY m
