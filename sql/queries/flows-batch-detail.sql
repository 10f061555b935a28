-- One traceability batch {code}: per day and destination city, orders, units, grams and fen.
SELECT toString(toDate(occurred_at)) AS day, toString(dest_city_code) AS city,
  toUInt64(count()) AS n_orders, toUInt64(sum(quantity)) AS units, toUInt64(sum(weight_g)) AS grams, toUInt64(sum(amount_fen)) AS fen
FROM distribution_txns
WHERE direction = 'upstream' AND trace_batch = {code:String}
GROUP BY day, city
ORDER BY day, city
