-- Upstream flows (produce to the cities) from the area {area} over the months [from, to] (first days of months): per
-- origin (the children of {area}: counties, townships, or villages, a township itself where the origin has no village),
-- origin county, destination city, top-level category, channel and platform; orders, units, grams and fen.
SELECT
  multiIf(length({area:String}) = 4, toString(origin_county_code),
          length({area:String}) = 6, toString(origin_township_code),
          if(origin_village_code = '', toString(origin_township_code), toString(origin_village_code))) AS origin,
  toString(origin_county_code) AS county,
  toString(dest_city_code) AS city,
  splitByChar('.', toString(category))[1] AS top,
  toString(channel) AS ch,
  toString(platform) AS pf,
  toUInt64(sum(orders)) AS n_orders, toUInt64(sum(qty)) AS units, toUInt64(sum(weight_g)) AS grams, toUInt64(sum(amount_fen)) AS fen
FROM flows_monthly
WHERE direction = 'upstream'
  AND startsWith(origin_county_code, substring({area:String}, 1, 6)) AND startsWith(origin_township_code, {area:String})
  AND month >= {from:Date} AND month <= {to:Date}
  AND ({category:String} = '' OR category = {category:String} OR startsWith(category, concat({category:String}, '.')))
  AND ({channel:String} = '' OR channel = {channel:String})
  AND ({platform:String} = '' OR platform = {platform:String})
GROUP BY origin, county, city, top, ch, pf
ORDER BY origin, county, city, top, ch, pf
