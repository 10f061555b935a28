-- What every column means, with its unit, for the analysts' schema browser (system.columns.comment,
-- system.tables.comment). Conventions: money in fen (分, integer, 1 yuan = 100 fen); quantities in
-- units of sale; weights in grams; DateTime('Asia/Shanghai') columns and days on the Shanghai wall
-- clock; plain DateTime columns (loaded_at, created_at, written_at, applied_at) are the server's
-- clock at insert (DEFAULT now()), shown in the server's time zone; *_ms columns are Unix epoch
-- milliseconds. Area codes: 5323 the prefecture (楚雄彝族自治州), 5323xx a county (GB/T 2260),
-- 5323xxyyy a township and 5323xxyyyzzz a village (NBS 统计用区划代码, which extend GB/T 2260).
--
-- COMMENT COLUMN works on ClickHouse 18.16 and is idempotent. Table comments (MODIFY COMMENT) are
-- marked `requires: table_comment`: 18.16 has no such statement and skips them.
-- Materialized views (*_mv ... TO target) store nothing: their target tables are commented.
-- ingest_ledger (0005) was dropped by 0009 and is not commented.

ALTER TABLE pos_lines
  COMMENT COLUMN `receipt_id` 'Receipt id from the POS device, unique across the platform; with line_no the key of a row and the deduplication key',
  COMMENT COLUMN `line_no` 'Line number on the receipt, from 1',
  COMMENT COLUMN `store_id` 'Store or station that sold (stores.id)',
  COMMENT COLUMN `county_code` 'County (县市) of the store, 6-digit GB/T 2260 code 5323xx',
  COMMENT COLUMN `township_code` 'Township (乡镇) of the store, 9-digit code 5323xxyyy',
  COMMENT COLUMN `village_code` 'Village (村) of the store, 12-digit code 5323xxyyyzzz; empty when the store is registered at a township',
  COMMENT COLUMN `sold_at` 'When the sale was rung up, Asia/Shanghai',
  COMMENT COLUMN `channel` 'offline = counter sale; online_proxy = online order placed at the station for a villager (代买代购)',
  COMMENT COLUMN `payment` 'How it was paid: cash, wechat, alipay, unionpay, card, credit (shop tab, 赊账), other',
  COMMENT COLUMN `sku` 'Product sold (products.sku)',
  COMMENT COLUMN `barcode` 'GTIN printed on the pack (8, 12, 13 or 14 digits); empty when it has none',
  COMMENT COLUMN `category` 'Product category, dotted path (categories.code), e.g. beverages.tea',
  COMMENT COLUMN `quantity` 'Units sold on this line, in units of sale (products.unit)',
  COMMENT COLUMN `unit_price_fen` 'List price of one unit, fen (0.01 yuan)',
  COMMENT COLUMN `discount_fen` 'Discount taken off this line, fen (0.01 yuan)',
  COMMENT COLUMN `amount_fen` '销售额 What the customer paid for this line = quantity x unit_price_fen - discount_fen, fen (0.01 yuan)',
  COMMENT COLUMN `schema_version` 'Version of the event schema the receipt was sent in (1 today)',
  COMMENT COLUMN `ingested_at` 'When the row was written to the warehouse, Asia/Shanghai';

-- requires: table_comment
ALTER TABLE pos_lines MODIFY COMMENT 'POS sales (零售): one row per receipt line, from village shops and stations. Money in fen, times Asia/Shanghai';

ALTER TABLE distribution_txns
  COMMENT COLUMN `txn_id` 'Transaction id, unique across the platform; the deduplication key',
  COMMENT COLUMN `occurred_at` 'When the order was placed or the goods changed hands, Asia/Shanghai',
  COMMENT COLUMN `seller_id` 'Seller: co-operative, distributor, store or platform shop (stores.id when known); its area places online retail',
  COMMENT COLUMN `buyer_id` 'Buyer: a city buyer or platform, a distributor or a store',
  COMMENT COLUMN `direction` 'upstream = produce from the county to the cities (农产品进城); downstream = goods to village shops (工业品下乡)',
  COMMENT COLUMN `channel` 'online = a platform order; offline = wholesale',
  COMMENT COLUMN `platform` 'Platform of an online order: taobao, pinduoduo, douyin, jd, county_mall, ...; empty when offline',
  COMMENT COLUMN `sku` 'Product traded (products.sku)',
  COMMENT COLUMN `category` 'Product category, dotted path (categories.code), e.g. produce.mushroom',
  COMMENT COLUMN `quantity` 'Units traded, in units of sale (products.unit)',
  COMMENT COLUMN `weight_g` 'Gross weight of the goods, grams',
  COMMENT COLUMN `amount_fen` 'Value of the transaction, fen (0.01 yuan); upstream online orders are 网络零售额 online retail sales',
  COMMENT COLUMN `origin_county_code` 'County the goods came from, 6-digit GB/T 2260 code 5323xx',
  COMMENT COLUMN `origin_township_code` 'Township the goods came from, 9-digit code 5323xxyyy',
  COMMENT COLUMN `origin_village_code` 'Village the goods came from, 12-digit code 5323xxyyyzzz; empty when the origin is a township',
  COMMENT COLUMN `dest_city_code` 'Destination city of upstream goods, 6-digit GB/T 2260 code (e.g. 530100 Kunming); empty for downstream',
  COMMENT COLUMN `dest_store_id` 'Destination store of downstream goods (stores.id); empty for upstream',
  COMMENT COLUMN `trace_batch` 'Traceability batch code (溯源批次); empty when the product has none',
  COMMENT COLUMN `schema_version` 'Version of the event schema the transaction was sent in (1 today)',
  COMMENT COLUMN `ingested_at` 'When the row was written to the warehouse, Asia/Shanghai';

-- requires: table_comment
ALTER TABLE distribution_txns MODIFY COMMENT 'Distribution transactions: one row per order or wholesale trade, upstream (农产品进城) or downstream (工业品下乡). Money in fen, weight in grams';

ALTER TABLE parcel_volumes
  COMMENT COLUMN `record_id` 'Record id, unique across the platform; the deduplication key',
  COMMENT COLUMN `station_id` 'Logistics station or point that counted the parcels (stores.id)',
  COMMENT COLUMN `county_code` 'County (县市) of the station, 6-digit GB/T 2260 code 5323xx',
  COMMENT COLUMN `township_code` 'Township (乡镇) of the station, 9-digit code 5323xxyyy',
  COMMENT COLUMN `village_code` 'Village (村) of the station, 12-digit code 5323xxyyyzzz; empty when it serves a township',
  COMMENT COLUMN `day` 'Shanghai calendar day the parcels were counted on',
  COMMENT COLUMN `direction` 'out = collected, going up to the cities (揽收); in = delivered (投递)',
  COMMENT COLUMN `carrier` 'Carrier code: ems, sf, zto, yto, sto, yunda, jtexpress, county_coop, ...',
  COMMENT COLUMN `parcels` 'Parcels (件), count',
  COMMENT COLUMN `weight_g` 'Total weight of the parcels, grams',
  COMMENT COLUMN `schema_version` 'Version of the event schema the record was sent in (1 today)',
  COMMENT COLUMN `ingested_at` 'When the row was written to the warehouse, Asia/Shanghai';

-- requires: table_comment
ALTER TABLE parcel_volumes MODIFY COMMENT 'Parcel volumes (快递包裹): one row per station, day, direction and carrier record. Weight in grams';

ALTER TABLE demand_daily
  COMMENT COLUMN `day` 'Shanghai calendar day of the sales (toDate(sold_at))',
  COMMENT COLUMN `county_code` 'County (县市) of the store, 6-digit GB/T 2260 code 5323xx',
  COMMENT COLUMN `township_code` 'Township (乡镇) of the store, 9-digit code 5323xxyyy',
  COMMENT COLUMN `village_code` 'Village (村) of the store, 12-digit code 5323xxyyyzzz; empty for stores registered at a township',
  COMMENT COLUMN `category` 'Product category, dotted path (categories.code)',
  COMMENT COLUMN `channel` 'offline = counter sale; online_proxy = order placed at the station for a villager (代买代购)',
  COMMENT COLUMN `lines` 'POS lines, count (read with sum())',
  COMMENT COLUMN `qty` 'Units sold, sum of pos_lines.quantity (read with sum())',
  COMMENT COLUMN `amount_fen` 'Sales (销售额), sum of pos_lines.amount_fen, fen (0.01 yuan) (read with sum())';

-- requires: table_comment
ALTER TABLE demand_daily MODIFY COMMENT 'Rollup of pos_lines by area, category, channel and Shanghai day, kept by demand_daily_mv. SummingMergeTree: read with sum() and GROUP BY';

ALTER TABLE dead_letters
  COMMENT COLUMN `received_at` 'When the pipeline refused the record, Asia/Shanghai',
  COMMENT COLUMN `source` 'Where it came from: generator, file:<name>:<line>, kafka:<topic>/<partition>@<offset>',
  COMMENT COLUMN `kind` 'Stream it claimed to be: pos, distribution or parcel',
  COMMENT COLUMN `reason` 'Why it was refused: too_large, not_json, schema or insert_rejected',
  COMMENT COLUMN `detail` 'What was wrong, for a person',
  COMMENT COLUMN `payload` 'The record as received, cut to 64 KiB';

-- requires: table_comment
ALTER TABLE dead_letters MODIFY COMMENT 'Records the ingest pipeline refused, with the reason, for an operator to inspect and replay';

ALTER TABLE areas
  COMMENT COLUMN `code` 'Area code: 5323 prefecture, 5323xx county (GB/T 2260), 5323xxyyy township, 5323xxyyyzzz village (NBS 统计用区划代码 2023)',
  COMMENT COLUMN `name` 'Official name, Chinese',
  COMMENT COLUMN `level` 'prefecture (州), county (县市), township (乡镇) or village (村)',
  COMMENT COLUMN `parent_code` 'Code of the enclosing area; empty for the prefecture',
  COMMENT COLUMN `loaded_at` 'When the row was loaded (server clock); the newest load of a code wins (read with FINAL)';

-- requires: table_comment
ALTER TABLE areas MODIFY COMMENT 'Administrative areas of Chuxiong prefecture (楚雄州), from reference/chuxiong-areas.json. Read with FINAL';

ALTER TABLE stores
  COMMENT COLUMN `id` 'Store or station id',
  COMMENT COLUMN `name` 'Trading name, Chinese',
  COMMENT COLUMN `type` 'village_shop, convenience_store, township_station, village_point, county_centre, county_warehouse, distributor or cooperative',
  COMMENT COLUMN `tier` '1 = county seat, 2 = township, 3 = village',
  COMMENT COLUMN `area_code` 'Where it is registered: village (12-digit 5323xxyyyzzz) or township (9-digit 5323xxyyy) code',
  COMMENT COLUMN `opened_on` 'Day it opened or joined the programme',
  COMMENT COLUMN `status` 'active, silent (registered but not reporting) or closed',
  COMMENT COLUMN `loaded_at` 'When the row was loaded (server clock); the newest load of an id wins (read with FINAL)';

-- requires: table_comment
ALTER TABLE stores MODIFY COMMENT 'Stores, stations and sellers (the stores reference). Read with FINAL';

ALTER TABLE ingest_event_ids
  COMMENT COLUMN `kind` 'Event stream: pos, distribution or parcel',
  COMMENT COLUMN `id` 'Event id: receipt_id, txn_id or record_id',
  COMMENT COLUMN `token` 'Insert deduplication token of the Kafka batch that wrote the event',
  COMMENT COLUMN `day` 'Shanghai calendar day of the event';

-- requires: table_comment
ALTER TABLE ingest_event_ids MODIFY COMMENT 'Every event id the Kafka ingest wrote, so an event sent twice is counted once';

ALTER TABLE products
  COMMENT COLUMN `sku` 'Stock-keeping unit, as in pos_lines and distribution_txns',
  COMMENT COLUMN `name` 'Name as on the shelf, Chinese',
  COMMENT COLUMN `category` 'Product category, dotted path (categories.code)',
  COMMENT COLUMN `price_fen` 'Typical shelf price of one unit, fen (0.01 yuan)',
  COMMENT COLUMN `unit` 'Unit of sale: 瓶, 袋, 箱, 500g, ...',
  COMMENT COLUMN `weight` 'Relative popularity for the simulator, no unit (not a mass)',
  COMMENT COLUMN `agricultural` '1 = agricultural product, counted in 农产品网络零售额 agricultural online retail; 0 = not',
  COMMENT COLUMN `poverty_relief` '1 = poverty-relief product (扶贫产品); 0 = not',
  COMMENT COLUMN `origin_area_code` 'County (5323xx) or township (5323xxyyy) the produce comes from; empty = not local produce',
  COMMENT COLUMN `season_months` 'Months (1-12) it is on sale; empty = all year',
  COMMENT COLUMN `peak_months` 'Months (1-12) of the main harvest or sales peak; empty = none given',
  COMMENT COLUMN `assumed` '1 = price, season or origin is an assumption, not from a named source',
  COMMENT COLUMN `sourced` 'Facts the source named in note backs: identity, origin, season, price',
  COMMENT COLUMN `note` 'Sources, and what is assumed',
  COMMENT COLUMN `loaded_at` 'When the row was loaded (server clock); the newest load of a SKU wins (read with FINAL)';

-- requires: table_comment
ALTER TABLE products MODIFY COMMENT 'Product catalogue, one row per SKU, from reference/products.json. Read with FINAL';

ALTER TABLE categories
  COMMENT COLUMN `code` 'Category code, dotted path from the top, e.g. beverages.tea',
  COMMENT COLUMN `parent_code` 'Code of the parent category; empty for a top category',
  COMMENT COLUMN `level` '1 = top category, 2 = subcategory',
  COMMENT COLUMN `zh` 'Display name, Chinese',
  COMMENT COLUMN `en` 'Display name, English',
  COMMENT COLUMN `loaded_at` 'When the row was loaded (server clock); the newest load of a code wins (read with FINAL)';

-- requires: table_comment
ALTER TABLE categories MODIFY COMMENT 'Product category tree, flattened, from reference/categories.json. Read with FINAL';

ALTER TABLE training_sessions
  COMMENT COLUMN `id` 'Record id',
  COMMENT COLUMN `day` 'Day of the (last) session of the batch',
  COMMENT COLUMN `area_code` 'Where the training was held: county (5323xx) or township (5323xxyyy) code',
  COMMENT COLUMN `county_code` 'County of area_code, 6-digit GB/T 2260 code 5323xx',
  COMMENT COLUMN `audience` 'merchant, farmer, official, youth or poverty_household',
  COMMENT COLUMN `sessions` 'Sessions held (场次), count',
  COMMENT COLUMN `trainees` 'Attendances (人次), count',
  COMMENT COLUMN `satisfied` 'Attendances rated satisfied, count (part of trainees)',
  COMMENT COLUMN `converted` 'Trainees who went on to trade online (opened a shop, made sales), count (part of trainees)',
  COMMENT COLUMN `simulated` '1 = simulated record, not real data; 0 = real',
  COMMENT COLUMN `loaded_at` 'When the row was loaded (server clock); the newest load of an id wins (read with FINAL)';

-- requires: table_comment
ALTER TABLE training_sessions MODIFY COMMENT 'E-commerce training (电商培训): one row per reported batch of sessions. Read with FINAL';

ALTER TABLE national_reference
  COMMENT COLUMN `year` 'Calendar year the figure covers',
  COMMENT COLUMN `indicator` 'Indicator: national_online_retail, national_physical_goods_online_retail, rural_online_retail, agri_online_retail, ...',
  COMMENT COLUMN `value_100m_yuan` 'Level in 亿元 (100 million yuan); NULL when not found',
  COMMENT COLUMN `yoy_pct` 'Year-on-year growth (同比) as published, percent; NULL when not found',
  COMMENT COLUMN `source` 'Where the figure was published',
  COMMENT COLUMN `confidence` 'official = the release itself; repost = a faithful repost; weak = a doubtful repost',
  COMMENT COLUMN `loaded_at` 'When the row was loaded (server clock); the newest row of (indicator, year) wins (read with FINAL)';

-- requires: table_comment
ALTER TABLE national_reference MODIFY COMMENT 'National yearly figures county growth is compared against, in 亿元 and percent. Read with FINAL';

ALTER TABLE ingest_batches
  COMMENT COLUMN `topic` 'Kafka topic',
  COMMENT COLUMN `partition` 'Kafka partition number',
  COMMENT COLUMN `first_offset` 'First Kafka offset of the batch',
  COMMENT COLUMN `last_offset` 'Last Kafka offset of the batch (inclusive)',
  COMMENT COLUMN `created_at` 'When the range was recorded, before the batch was written (server clock)';

-- requires: table_comment
ALTER TABLE ingest_batches MODIFY COMMENT 'Ledger of Kafka offset ranges handed to the warehouse as one batch, for exactly-once replay';

ALTER TABLE accounts
  COMMENT COLUMN `login` 'Login name; the account key',
  COMMENT COLUMN `name` 'Display name',
  COMMENT COLUMN `role` 'admin, official, merchant or analyst',
  COMMENT COLUMN `area_code` 'Area an official oversees: 5323 (prefecture) or a county 5323xx; empty for other roles',
  COMMENT COLUMN `store_ids` 'Stores a merchant may see (stores.id); empty for other roles',
  COMMENT COLUMN `password_hash` 'scrypt hash of the password; never leaves the API',
  COMMENT COLUMN `disabled` '1 = may not sign in',
  COMMENT COLUMN `demo` '1 = demonstration account',
  COMMENT COLUMN `sessions_valid_after_ms` 'Sign out everywhere: sessions created before this are refused; Unix epoch milliseconds, 0 = none',
  COMMENT COLUMN `created_ms` 'When the account was created, Unix epoch milliseconds',
  COMMENT COLUMN `version` 'Row version, Unix epoch milliseconds of the change (only grows); the newest row of a login wins (read with FINAL)';

-- requires: table_comment
ALTER TABLE accounts MODIFY COMMENT 'Accounts: one row per change of a login; the newest version wins (read with FINAL)';

ALTER TABLE auth_sessions
  COMMENT COLUMN `id_hash` 'SHA-256 (hex) of the session id; the id itself lives only in the signed cookie',
  COMMENT COLUMN `login` 'Account signed in (accounts.login)',
  COMMENT COLUMN `created_ms` 'Sign-in time, Unix epoch milliseconds',
  COMMENT COLUMN `expires_ms` 'Expiry, Unix epoch milliseconds',
  COMMENT COLUMN `revoked` '1 = signed out',
  COMMENT COLUMN `address` 'Client IP address at sign-in; empty on a sign-out row',
  COMMENT COLUMN `user_agent` 'Browser User-Agent at sign-in, cut to 256 characters; empty on a sign-out row',
  COMMENT COLUMN `version` 'Row version, Unix epoch milliseconds of the change; the newest row of a session wins (read with FINAL)',
  COMMENT COLUMN `written_at` 'When the row was written (server clock); the row is dropped 100 days after it (TTL, where the server has TTL)';

-- requires: table_comment
ALTER TABLE auth_sessions MODIFY COMMENT 'Browser sessions, keyed by the SHA-256 of the session id. Read with FINAL';

ALTER TABLE api_tokens
  COMMENT COLUMN `id` 'Token id, the public part of cxt_<id>_<secret>',
  COMMENT COLUMN `login` 'Owner account (accounts.login)',
  COMMENT COLUMN `name` 'Name the owner gave the token',
  COMMENT COLUMN `secret_hash` 'SHA-256 (hex) of the secret part; the token itself is shown once and not kept',
  COMMENT COLUMN `created_ms` 'When the token was created, Unix epoch milliseconds',
  COMMENT COLUMN `expires_ms` 'Expiry, Unix epoch milliseconds; 0 = never',
  COMMENT COLUMN `revoked` '1 = revoked',
  COMMENT COLUMN `version` 'Row version, Unix epoch milliseconds of the change; the newest row of a token wins (read with FINAL)';

-- requires: table_comment
ALTER TABLE api_tokens MODIFY COMMENT 'Bearer tokens for scripts; only the hash of the secret is kept. Read with FINAL';

ALTER TABLE auth_attempts
  COMMENT COLUMN `at` 'Time of the attempt, Asia/Shanghai',
  COMMENT COLUMN `at_ms` 'Time of the attempt, Unix epoch milliseconds',
  COMMENT COLUMN `login` 'Login tried, cut to 64 characters',
  COMMENT COLUMN `address` 'Client IP address, cut to 64 characters',
  COMMENT COLUMN `ok` '1 = signed in; 0 = refused',
  COMMENT COLUMN `written_at` 'When the row was written (server clock); the row is dropped 30 days after it (TTL, where the server has TTL)';

-- requires: table_comment
ALTER TABLE auth_attempts MODIFY COMMENT 'Every sign-in attempt, for slowing and locking guessers per account and per address';

ALTER TABLE audit_log
  COMMENT COLUMN `at` 'When the request arrived, Asia/Shanghai',
  COMMENT COLUMN `at_ms` 'When the request arrived, Unix epoch milliseconds',
  COMMENT COLUMN `login` 'Caller account (accounts.login); empty when anonymous',
  COMMENT COLUMN `role` 'Caller role: admin, official, merchant or analyst; empty when anonymous',
  COMMENT COLUMN `via` 'How the caller was identified: session, token or anonymous',
  COMMENT COLUMN `address` 'Client IP address',
  COMMENT COLUMN `method` 'HTTP method: GET, POST, PUT, DELETE',
  COMMENT COLUMN `route` 'Route pattern, e.g. /api/stores/:id',
  COMMENT COLUMN `params` 'JSON of the path and query parameters, and of the body where the route allows; never a password or token',
  COMMENT COLUMN `status` 'HTTP status code of the answer',
  COMMENT COLUMN `rows` 'Rows the answer held, count',
  COMMENT COLUMN `duration_ms` 'Time to answer, milliseconds',
  COMMENT COLUMN `detail` 'Full SQL text of a workbench query; empty for other routes',
  COMMENT COLUMN `outcome` 'Outcome of a workbench query: ok, truncated, refused: <reason>, failed: <message> or cancelled';

-- requires: table_comment
ALTER TABLE audit_log MODIFY COMMENT 'Audit trail: one row per request to a data or account route';

ALTER TABLE store_sales_daily
  COMMENT COLUMN `day` 'Shanghai calendar day of the sales (toDate(sold_at))',
  COMMENT COLUMN `county_code` 'County (县市) of the store, 6-digit GB/T 2260 code 5323xx',
  COMMENT COLUMN `township_code` 'Township (乡镇) of the store, 9-digit code 5323xxyyy',
  COMMENT COLUMN `village_code` 'Village (村) of the store, 12-digit code 5323xxyyyzzz; empty for stores registered at a township',
  COMMENT COLUMN `store_id` 'Store or station that sold (stores.id)',
  COMMENT COLUMN `category` 'Product category, dotted path (categories.code)',
  COMMENT COLUMN `channel` 'offline = counter sale; online_proxy = order placed at the station for a villager (代买代购)',
  COMMENT COLUMN `lines` 'POS lines, count (read with sum())',
  COMMENT COLUMN `qty` 'Units sold, sum of pos_lines.quantity (read with sum())',
  COMMENT COLUMN `amount_fen` 'Sales (销售额), sum of pos_lines.amount_fen, fen (0.01 yuan) (read with sum())';

-- requires: table_comment
ALTER TABLE store_sales_daily MODIFY COMMENT 'Rollup of pos_lines by store, category, channel and Shanghai day, kept by store_sales_daily_mv. SummingMergeTree: read with sum() and GROUP BY';

ALTER TABLE national_series
  COMMENT COLUMN `body` 'Publisher: NBS (国家统计局) or MOFCOM (商务部)',
  COMMENT COLUMN `series` 'Series: national_online_retail, national_physical_goods_online_retail, rural_online_retail, agri_online_retail',
  COMMENT COLUMN `period_start` 'First month covered, YYYY-MM',
  COMMENT COLUMN `period_end` 'Last month covered, YYYY-MM (cumulative from period_start, same year)',
  COMMENT COLUMN `value_100m_yuan` 'Level in 亿元 (100 million yuan); NULL when not published',
  COMMENT COLUMN `yoy_pct` 'Year-on-year growth (同比) as published, percent; NULL when not published',
  COMMENT COLUMN `source` 'Where the figure was published',
  COMMENT COLUMN `confidence` 'official = the release itself; repost = a faithful repost; weak = a doubtful repost',
  COMMENT COLUMN `deleted` '1 = removed by an official (kept as a newer version); 0 = live',
  COMMENT COLUMN `version` 'Row version: 1 for the committed reference, else Unix epoch milliseconds of the replacement; the newest wins (read with FINAL)',
  COMMENT COLUMN `changed_by` 'Login of the official who wrote the row, or the reference file it was loaded from';

-- requires: table_comment
ALTER TABLE national_series MODIFY COMMENT 'National figures by body, series and period (亿元, percent) that county growth is compared with. Read with FINAL, skip deleted = 1';

ALTER TABLE plan_targets
  COMMENT COLUMN `id` 'Target id, e.g. service_centre',
  COMMENT COLUMN `area_code` 'Area the target is for: 5323 (prefecture) or a county 5323xx',
  COMMENT COLUMN `indicator` 'What is measured, e.g. township_station_coverage_pct, training_attendances',
  COMMENT COLUMN `label_zh` 'Target as worded in the plan, Chinese',
  COMMENT COLUMN `label_en` 'Target in English',
  COMMENT COLUMN `comparison` 'at_least = met when actual >= target; at_most = met when actual <= target',
  COMMENT COLUMN `target` 'Target value, in unit',
  COMMENT COLUMN `unit` 'Unit of target and actual: 个 (count), % (percent), 百分点 (percentage points), 人次 (attendances), 是/否 (1 yes, 0 no)',
  COMMENT COLUMN `period_start` 'Month the target counts from, YYYY-MM',
  COMMENT COLUMN `due` 'Month the target is due, YYYY-MM',
  COMMENT COLUMN `source` 'Where in the plan the target comes from',
  COMMENT COLUMN `deleted` '1 = removed; 0 = live',
  COMMENT COLUMN `version` 'Row version: 1 for the committed reference, else Unix epoch milliseconds of the edit; the newest wins (read with FINAL)',
  COMMENT COLUMN `changed_by` 'Login of the official who wrote the row, or the reference file it was loaded from';

-- requires: table_comment
ALTER TABLE plan_targets MODIFY COMMENT 'Targets of the e-commerce demonstration plan (电子商务进农村综合示范) per area, as officials keep them. Read with FINAL';

ALTER TABLE online_sales_monthly
  COMMENT COLUMN `month` 'First day of the month of the orders, Asia/Shanghai',
  COMMENT COLUMN `seller_id` 'Seller (stores.id); its area is looked up when read',
  COMMENT COLUMN `sku` 'Product (products.sku); its agricultural flag is looked up when read',
  COMMENT COLUMN `orders` 'Upstream online orders (distribution transactions), count (read with sum())',
  COMMENT COLUMN `quantity` 'Units ordered, in units of sale (read with sum())',
  COMMENT COLUMN `weight_g` 'Gross weight of the goods, grams (read with sum())',
  COMMENT COLUMN `amount_fen` '网络零售额 online retail sales, fen (0.01 yuan) (read with sum())';

-- requires: table_comment
ALTER TABLE online_sales_monthly MODIFY COMMENT 'Online retail (网络零售额) by seller, product and month: upstream online distribution_txns, kept by online_sales_monthly_mv. Read with sum() and GROUP BY';

ALTER TABLE store_monthly
  COMMENT COLUMN `month` 'First day of the month of the sales, Asia/Shanghai',
  COMMENT COLUMN `county_code` 'County (县市) of the store, 6-digit GB/T 2260 code 5323xx',
  COMMENT COLUMN `township_code` 'Township (乡镇) of the store, 9-digit code 5323xxyyy',
  COMMENT COLUMN `store_id` 'Store or station that sold (stores.id)',
  COMMENT COLUMN `channel` 'offline = counter sale; online_proxy = order placed at the station for a villager (代买代购)',
  COMMENT COLUMN `lines` 'POS lines, count (read with sum())',
  COMMENT COLUMN `qty` 'Units sold, sum of pos_lines.quantity (read with sum())',
  COMMENT COLUMN `amount_fen` 'Sales (销售额), sum of pos_lines.amount_fen, fen (0.01 yuan); online_proxy rows are 代买代购 purchases (read with sum())';

-- requires: table_comment
ALTER TABLE store_monthly MODIFY COMMENT 'Rollup of pos_lines by store, channel and month, kept by store_monthly_mv. Read with sum() and GROUP BY';

ALTER TABLE parcels_monthly
  COMMENT COLUMN `month` 'First day of the month the parcels were counted in',
  COMMENT COLUMN `county_code` 'County (县市) of the station, 6-digit GB/T 2260 code 5323xx',
  COMMENT COLUMN `township_code` 'Township (乡镇) of the station, 9-digit code 5323xxyyy',
  COMMENT COLUMN `station_id` 'Logistics station or point (stores.id)',
  COMMENT COLUMN `direction` 'out = collected (揽收); in = delivered (投递)',
  COMMENT COLUMN `records` 'Parcel records, count (read with sum())',
  COMMENT COLUMN `parcels` 'Parcels (件), count (read with sum())',
  COMMENT COLUMN `weight_g` 'Total weight of the parcels, grams (read with sum())';

-- requires: table_comment
ALTER TABLE parcels_monthly MODIFY COMMENT 'Rollup of parcel_volumes by station, direction and month, kept by parcels_monthly_mv. Read with sum() and GROUP BY';

ALTER TABLE monthly_reports
  COMMENT COLUMN `id` 'File id: <area>-<month>-<time>-<random>-<format>',
  COMMENT COLUMN `area_code` 'Area reported on: 5323 (prefecture) or a county 5323xx',
  COMMENT COLUMN `month` 'Month reported on, YYYY-MM',
  COMMENT COLUMN `format` 'xlsx or pdf',
  COMMENT COLUMN `produced_by` 'Login that produced it, or system for the scheduler',
  COMMENT COLUMN `produced_at` 'When it was produced, Asia/Shanghai',
  COMMENT COLUMN `size` 'File size, bytes',
  COMMENT COLUMN `sha256` 'SHA-256 of the file, hex',
  COMMENT COLUMN `bytes` 'The file, base64-encoded';

-- requires: table_comment
ALTER TABLE monthly_reports MODIFY COMMENT 'Monthly reports (月通报) produced, as files, with who produced each and when';

ALTER TABLE saved_queries
  COMMENT COLUMN `id` 'Saved query id',
  COMMENT COLUMN `version` 'Version of the saved query, 1, 2, ...: each save is a new row',
  COMMENT COLUMN `owner` 'Login of the owner (accounts.login)',
  COMMENT COLUMN `name` 'Title given by the owner',
  COMMENT COLUMN `description` 'Description, free text; may be empty',
  COMMENT COLUMN `sql` 'The SQL statement, with {name:Type} parameters',
  COMMENT COLUMN `params` 'Parameters as JSON: name, type and the value last used',
  COMMENT COLUMN `chart` 'Chart as a JSON Vega-Lite spec without data (the result is its data); empty = no chart',
  COMMENT COLUMN `shared_with` 'Roles it is shared with (analyst); empty = private to its owner',
  COMMENT COLUMN `deleted` '1 = this version deletes the query; 0 = live',
  COMMENT COLUMN `saved_at` 'When this version was saved, Asia/Shanghai',
  COMMENT COLUMN `saved_by` 'Login that saved this version';

-- requires: table_comment
ALTER TABLE saved_queries MODIFY COMMENT 'Saved queries of the SQL workbench: one row per version; the newest version of an id is the query, and deleted = 1 ends it';

ALTER TABLE schema_migrations
  COMMENT COLUMN `version` 'Migration number: NNNN of sql/migrations/NNNN_name.sql',
  COMMENT COLUMN `name` 'Migration file name without .sql',
  COMMENT COLUMN `checksum` 'SHA-256 (hex) of the statements applied; a changed file stops start-up',
  COMMENT COLUMN `applied_at` 'When it was applied (server clock)';

-- requires: table_comment
ALTER TABLE schema_migrations MODIFY COMMENT 'Migrations applied, one row each (warehouse/migrate.ts)';
