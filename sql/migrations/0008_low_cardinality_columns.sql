-- Columns with at most a few thousand distinct values stored as dictionaries: SKUs, barcodes,
-- villages, sellers and destination stores (about a tenth less for pos_lines). Left as they are:
-- key columns (ClickHouse 18.16 refuses to change a key column's type) and pos_lines.village_code,
-- which demand_daily_mv reads (18.16 does not convert LowCardinality to String in a view).

ALTER TABLE pos_lines MODIFY COLUMN sku LowCardinality(String);

ALTER TABLE pos_lines MODIFY COLUMN barcode LowCardinality(String);

ALTER TABLE distribution_txns MODIFY COLUMN sku LowCardinality(String);

ALTER TABLE distribution_txns MODIFY COLUMN seller_id LowCardinality(String);

ALTER TABLE distribution_txns MODIFY COLUMN dest_store_id LowCardinality(String);

ALTER TABLE distribution_txns MODIFY COLUMN origin_village_code LowCardinality(String);

ALTER TABLE parcel_volumes MODIFY COLUMN village_code LowCardinality(String);
