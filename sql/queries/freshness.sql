-- the newest event time of each stream (Asia/Shanghai wall clock, as text; parcels by day) and the row count of each raw table, ignoring times more than a day ahead of now.
SELECT
  (SELECT count() FROM pos_lines) AS pos_rows,
  (SELECT toString(max(sold_at)) FROM pos_lines WHERE sold_at <= now() + INTERVAL 1 DAY) AS pos_latest,
  (SELECT count() FROM distribution_txns) AS distribution_rows,
  (SELECT toString(max(occurred_at)) FROM distribution_txns WHERE occurred_at <= now() + INTERVAL 1 DAY) AS distribution_latest,
  (SELECT count() FROM parcel_volumes) AS parcel_rows,
  (SELECT toString(max(day)) FROM parcel_volumes WHERE day <= today() + 1) AS parcel_latest
