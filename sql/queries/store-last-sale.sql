-- The last Shanghai day with POS sales of the store {store} (n = 0: none). {county}, {township} and {village} (empty for a
-- store registered at a township) are where it is: the rollup's key prefix, so only its own rows are read.
SELECT count() AS n, toString(max(day)) AS last_day
FROM store_sales_daily
WHERE county_code = {county:String} AND township_code = {township:String} AND village_code = {village:String}
  AND store_id = {store:String}
