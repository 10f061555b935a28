-- the national series as they stand (newest version of each row, removed rows left out), by series and period.
SELECT body, series, period_start, period_end, value_100m_yuan, yoy_pct, source, confidence, changed_by
FROM national_series FINAL
WHERE deleted = 0
ORDER BY series, period_start, period_end, body
