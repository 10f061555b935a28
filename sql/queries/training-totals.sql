-- e-commerce training under {area} between {from} and {to} (days, inclusive): attendances (人次), satisfied, converted.
SELECT toUInt64(sum(trainees)) AS trainees, toUInt64(sum(satisfied)) AS satisfied, toUInt64(sum(converted)) AS converted, count() AS records
FROM training_sessions FINAL
WHERE startsWith(area_code, {area:String}) AND day >= {from:Date} AND day <= {to:Date}
