-- POS sales of the counties {counties} per top-level category and day in [from, to), fen: for festival uplifts.
SELECT splitByChar('.', toString(category))[1] AS top, toString(day) AS sale_day, toUInt64(sum(amount_fen)) AS fen
FROM demand_daily
WHERE county_code IN {counties:Array(String)} AND day >= {from:Date} AND day < {to:Date}
GROUP BY top, sale_day
ORDER BY top, sale_day
