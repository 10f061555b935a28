-- every row key of national_series ever written, removed ones included, with its newest version and whether that newest row removed it: a replacement removes the live keys it does not carry.
-- (The newest version is not aliased `version`: the alias would stand for the column inside argMax too.)
SELECT body, series, period_start, period_end, max(version) AS newest, argMax(deleted, version) AS deleted, count() AS n
FROM national_series
GROUP BY body, series, period_start, period_end
