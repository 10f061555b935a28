-- per store or station within {scope}: the newest day with POS sales or parcels on or before {until},
-- looking back to {since}. From station_months: every month before {until}'s holds its last day
-- exactly; in {until}'s own month (the current one) a day after {until} can only be an event dated
-- ahead of its sending (up to a day), and counts as reported on {until}.
SELECT id, toString(least(newest, {until:Date})) AS last_day
FROM (
  SELECT id, max(last_day) AS newest
  FROM station_months
  WHERE month >= toStartOfMonth({since:Date}) AND month <= toStartOfMonth({until:Date})
    AND arrayExists(a -> startsWith(township_code, a), {scope:Array(String)})
  GROUP BY id
)
WHERE newest >= {since:Date}
