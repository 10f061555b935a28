-- how many reports exist for the area {area} and month {month}, and when the first was produced (Asia/Shanghai).
SELECT count() AS n, toString(min(produced_at)) AS first_at
FROM monthly_reports
WHERE area_code = {area:String} AND month = {month:String}
