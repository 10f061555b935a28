-- Products of the reference: code, Chinese name, category, season and peak months.
SELECT sku, name, toString(category) AS category, season_months, peak_months FROM products FINAL ORDER BY sku
