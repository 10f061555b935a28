-- Parcels delivered (direction in) at the stations of an area per row and ISO week (Monday) in [from, to). Rows: the
-- village (a station at a township: the township) when {townships} is given, else the township. outlets: stations
-- behind a cell; own: how many of them are {stores}. qty and amount_fen both hold parcels (parcels carry no value).
SELECT
  if(notEmpty({townships:Array(String)}), if(village_code = '', toString(township_code), village_code), toString(township_code)) AS row_key,
  toMonday(day) AS week,
  uniqExact(station_id) AS outlets,
  uniqExactIf(station_id, station_id IN {stores:Array(String)}) AS own,
  toUInt64(sum(parcels)) AS qty,
  toUInt64(sum(parcels)) AS amount_fen
FROM parcel_volumes
WHERE county_code IN {counties:Array(String)}
  AND (empty({townships:Array(String)}) OR township_code IN {townships:Array(String)})
  AND direction = 'in'
  AND day >= {from:Date} AND day < {to:Date}
GROUP BY row_key, week
ORDER BY row_key, week
