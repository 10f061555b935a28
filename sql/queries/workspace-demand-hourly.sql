-- POS demand of an area per ISO weekday (1 = Monday) and hour (0-23) over the weeks in [from, to) and, separately,
-- the same weeks a year before (ly = 1: weeks in [ly_from, ly_to)); qty in units, amount in fen. outlets: distinct
-- stores behind a cell. Read from the township_hourly rollup.
SELECT weekday, hour, toUInt8(week < {from:Date}) AS ly,
  uniqExactMerge(stores) AS outlets,
  toUInt64(sumMerge(qty)) AS qty,
  toUInt64(sumMerge(amount_fen)) AS amount_fen
FROM township_hourly
WHERE county_code IN {counties:Array(String)}
  AND (empty({townships:Array(String)}) OR township_code IN {townships:Array(String)})
  AND ((week >= {from:Date} AND week < {to:Date}) OR (week >= {ly_from:Date} AND week < {ly_to:Date}))
GROUP BY weekday, hour, ly
ORDER BY ly, weekday, hour
