-- Products with upstream flows from the area {area}, by grams shipped (largest first).
SELECT sku, toString(any(category)) AS category, toUInt64(sum(weight_g)) AS grams
FROM flows_monthly
WHERE direction = 'upstream'
  AND startsWith(origin_county_code, substring({area:String}, 1, 6)) AND startsWith(origin_township_code, {area:String})
GROUP BY sku
ORDER BY grams DESC, sku
