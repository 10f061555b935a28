-- Products of the reference with their name and origin area (empty: not local produce, so no traceability batches).
SELECT sku, name, origin_area_code FROM products FINAL ORDER BY sku
