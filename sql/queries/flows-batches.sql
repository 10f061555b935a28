-- Traceability batches of upstream goods: those named {code}, or else those with an origin in the area {area} and whose
-- first day is in [from, to) (days). Per batch: its product(s), origin areas (village, or township where none) and sellers,
-- first and last day, orders, units, grams, fen, the grams of its first day (all its products'), the units of each
-- product (sku, units) by day, and its checks: two_origins (more than one
-- origin, seller or product), over_weight (more grams than on its first day), untraced (a product without an origin in the
-- products reference). {flagged} = 1: only batches failing a check. total, n_flagged: over all batches asked for, before
-- the limit. Newest first, at most 500.
SELECT code, products, product_units, origins, sellers, toString(first_day) AS first, toString(last_day) AS last,
  n_orders, units, grams, fen, first_day_grams, two_origins, over_weight, untraced, total, n_flagged
FROM (
SELECT *, count() OVER () AS total, countIf(two_origins OR over_weight OR untraced) OVER () AS n_flagged
FROM (
  SELECT code, products, product_units, origins, sellers, first_day, last_day, n_orders, units, grams, fen,
    -- The whole first day's grams, of every product the batch holds: one product's would have a
    -- mixed batch sold "over weight" on the very day it was recorded.
    arraySum(arrayMap(x -> x.2, arrayFilter(x -> x.1 = first_day, day_grams_list))) AS first_day_grams,
    length(origins) > 1 OR length(sellers) > 1 OR length(products) > 1 AS two_origins,
    grams > first_day_grams AS over_weight,
    arrayExists(p -> p NOT IN (SELECT sku FROM products FINAL WHERE origin_area_code != ''), products) AS untraced
  FROM (
    SELECT trace_batch AS code,
      groupUniqArray(toString(sku)) AS products,
      groupUniqArrayArray(origin_list) AS origins,
      groupUniqArrayArray(seller_list) AS sellers,
      min(d) AS first_day, max(d) AS last_day,
      sum(day_orders) AS n_orders, sum(day_units) AS units, sum(day_grams) AS grams, sum(day_fen) AS fen,
      groupArray((d, day_grams)) AS day_grams_list,
      groupArray((toString(sku), day_units)) AS product_units
    FROM (
      SELECT trace_batch, sku, toDate(occurred_at) AS d,
        groupUniqArray(if(toString(origin_village_code) = '', toString(origin_township_code), toString(origin_village_code))) AS origin_list,
        groupUniqArray(toString(seller_id)) AS seller_list,
        toUInt64(count()) AS day_orders, toUInt64(sum(quantity)) AS day_units, toUInt64(sum(weight_g)) AS day_grams, toUInt64(sum(amount_fen)) AS day_fen
      FROM distribution_txns
      WHERE direction = 'upstream' AND trace_batch != ''
        -- Every transaction of the batches asked for, also those sold from outside the area: a batch's
        -- origins, sellers and weight are the whole batch's.
        AND if({code:String} != '', trace_batch = {code:String},
               trace_batch IN (SELECT trace_batch FROM distribution_txns
                               WHERE direction = 'upstream' AND trace_batch != ''
                                 AND startsWith(origin_county_code, substring({area:String}, 1, 6))
                                 AND startsWith(origin_township_code, {area:String})))
      GROUP BY trace_batch, sku, d
    )
    GROUP BY code
  )
  WHERE {code:String} != '' OR (first_day >= {from:Date} AND first_day < {to:Date})
)
)
WHERE {flagged:UInt8} = 0 OR two_origins OR over_weight OR untraced
ORDER BY first_day DESC, code
LIMIT 500
