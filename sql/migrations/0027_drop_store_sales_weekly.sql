-- store_sales_weekly (0026) served the merchants' heatmap of all categories. A merchant's heatmap
-- is now decided with every category at once (api/merchant-cubes.ts, reading store_sales_daily),
-- so that no category can be subtracted from another to give a withheld cell away, and nothing
-- reads this table any more. Its view cost every POS batch one more insert (docs/performance.md).

DROP TABLE IF EXISTS store_sales_weekly_mv;

DROP TABLE IF EXISTS store_sales_weekly;
