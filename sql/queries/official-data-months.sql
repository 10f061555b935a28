-- the first day with any POS or parcel data (looked up in the first month the monthly rollups hold), and the last month with any POS, parcel or online sales data (days; 1970-01-01 when none). A month is complete from its first day on.
WITH least(
    (SELECT ifNull(min(month), toDate('2999-01-01')) FROM store_monthly),
    (SELECT ifNull(min(month), toDate('2999-01-01')) FROM parcels_monthly)) AS first_month
SELECT
  toString(least(
    (SELECT ifNull(min(day), toDate('2999-01-01')) FROM store_sales_daily WHERE day >= first_month AND day < addMonths(first_month, 1)),
    (SELECT ifNull(min(day), toDate('2999-01-01')) FROM parcel_volumes WHERE day >= first_month AND day < addMonths(first_month, 1)))) AS first_day,
  toString(greatest(
    (SELECT ifNull(max(month), toDate('1970-01-01')) FROM store_monthly),
    (SELECT ifNull(max(month), toDate('1970-01-01')) FROM parcels_monthly),
    (SELECT ifNull(max(month), toDate('1970-01-01')) FROM online_sales_monthly))) AS last_month
