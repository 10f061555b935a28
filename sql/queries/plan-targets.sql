-- the plan's targets as they stand (newest version, removed rows left out) of the areas under any of {scope}.
SELECT id, area_code, indicator, label_zh, label_en, toString(comparison) AS comparison, target, unit, period_start, due, source, version
FROM plan_targets FINAL
WHERE deleted = 0 AND arrayExists(a -> startsWith(area_code, a), {scope:Array(String)})
ORDER BY area_code, id
