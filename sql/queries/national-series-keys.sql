-- every row key of national_series ever written, removed ones included, with its newest version: a replacement removes the keys it does not carry.
SELECT body, series, period_start, period_end, max(version) AS version, count() AS n
FROM national_series
GROUP BY body, series, period_start, period_end
