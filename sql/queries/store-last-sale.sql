-- the last Shanghai day with POS sales of the store {store} (0: none).
SELECT count() AS n, toString(max(day)) AS last_day
FROM store_sales_daily
WHERE store_id = {store:String} AND county_code = {county:String}
