-- POS receipts as their producers send them, for the embedded engine's ingest: the consumer hands
-- the engine each valid receipt's own JSON (ingest/event-insert.ts) and this view flattens it into
-- pos_lines, one row per line, as ingest/rows.ts does for a server that cannot read such JSON. The
-- JavaScript side then neither builds line rows nor serialises them (half its work per receipt,
-- docs/performance.md). Null: nothing is kept here; the rows land in pos_lines, whose
-- deduplication window and views work as before (the insert's token reaches them through the view).
-- Needs JSON objects read into named tuples (ClickHouse 21.x and later); skipped on older servers,
-- whose ingest inserts rows.

-- requires: json_named_tuples
CREATE TABLE IF NOT EXISTS pos_receipts_in (
  receiptId String COMMENT 'Receipt id (pos_lines.receipt_id)',
  storeId String COMMENT 'Store that sold (pos_lines.store_id)',
  areaCode String COMMENT 'NBS code of the store\'s village or township, split into pos_lines\' county, township and village codes',
  soldAt DateTime('Asia/Shanghai') COMMENT 'When the sale was rung up, on the Shanghai wall clock (pos_lines.sold_at)',
  channel Enum8('offline' = 1, 'online_proxy' = 2) COMMENT 'Counter sale or an online order placed at the station (pos_lines.channel)',
  payment Enum8('cash' = 1, 'wechat' = 2, 'alipay' = 3, 'unionpay' = 4, 'card' = 5, 'credit' = 6, 'other' = 7) COMMENT 'How it was paid (pos_lines.payment)',
  lines Array(Tuple(sku String, barcode String, category String, quantity UInt32, unitPriceFen UInt64, discountFen UInt64, amountFen UInt64)) COMMENT 'The receipt\'s lines; each becomes a pos_lines row numbered from 1',
  schemaVersion UInt8 COMMENT 'Event schema version (pos_lines.schema_version)'
) ENGINE = Null
COMMENT 'POS receipts as sent, flattened into pos_lines by pos_receipts_lines_mv; keeps nothing itself (embedded ingest, ingest/event-insert.ts)';

-- requires: json_named_tuples
CREATE MATERIALIZED VIEW IF NOT EXISTS pos_receipts_lines_mv TO pos_lines AS
SELECT
  receiptId AS receipt_id,
  toUInt16(n) AS line_no,
  storeId AS store_id,
  substring(areaCode, 1, 6) AS county_code,
  substring(areaCode, 1, 9) AS township_code,
  if(length(areaCode) = 12, areaCode, '') AS village_code,
  soldAt AS sold_at,
  channel,
  payment,
  line.sku AS sku,
  line.barcode AS barcode,
  line.category AS category,
  line.quantity AS quantity,
  line.unitPriceFen AS unit_price_fen,
  line.discountFen AS discount_fen,
  line.amountFen AS amount_fen,
  schemaVersion AS schema_version
FROM pos_receipts_in
ARRAY JOIN lines AS line, arrayEnumerate(lines) AS n;
