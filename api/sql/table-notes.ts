// What each table the workbench opens holds, in Chinese, for the schema browser on Chinese pages.
// The warehouse's own comments (sql/migrations/0015 and later) are English: they stay on English
// pages and, on Chinese ones, in the tooltip as the exact reference. Columns keep their comments.
// Sent with the schema, not built into the page's script (whose first load has a budget).
const ZH: Record<string, string> = {
  pos_lines: '门店零售（POS）明细：每张小票的每一行一条，来自村级小卖部和服务站。金额单位为分，时间为北京时间',
  distribution_txns: '流通交易：每笔订单或批发一条，上行（农产品进城）或下行（工业品下乡）。金额单位为分，重量单位为克',
  parcel_volumes: '快递包裹量：每个站点、每天、每个方向和快递公司一条。重量单位为克',
  demand_daily: '按地区、品类、渠道和日汇总的门店零售（由 pos_lines 自动汇总）。用 sum() 和 GROUP BY 读取',
  demand_weekly_area: '按周和乡镇汇总的门店零售（全部品类）：州、县热力图所用',
  demand_weekly_top: '按周、乡镇和一级品类汇总的门店零售：州、县热力图所用',
  demand_weekly_leaf: '按周、乡镇和品类汇总的门店零售：州、县热力图选定品类时所用',
  store_sales_daily: '按门店、品类、渠道和日汇总的门店零售。用 sum() 和 GROUP BY 读取',
  online_sales_monthly: '网络零售额：按销售方、商品和月汇总的上行网络订单',
  store_monthly: '按门店、渠道和月汇总的门店零售',
  parcels_monthly: '按站点、方向和月汇总的快递包裹量',
  store_sku_weekly: '按门店、周、商品和货架价汇总的门店零售（商户工作台所用）',
  store_receipts_weekly: '按门店、周、渠道和支付方式汇总的小票数（商户工作台所用）',
  township_hourly: '按乡镇、周、星期和小时汇总的门店零售，含各格的门店数',
  station_months: '每个门店或站点每月最后一次报送的日期（站点报送和沉默天数所用）',
  flows_monthly: '按月、方向、产地、销售方、去向、商品和渠道汇总的流通交易',
  destination_cities: '参考数据：地级市及其中心点（上行农产品的去向）',
  areas: '楚雄州行政区划（县市、乡镇、村），统计用区划代码。用 FINAL 读取',
  stores: '门店、站点和销售方（门店参考数据）。用 FINAL 读取',
  products: '商品目录，每个 SKU 一条。用 FINAL 读取',
  categories: '商品品类树（展开成行）。用 FINAL 读取',
  training_sessions: '电商培训：每批上报的培训一条。用 FINAL 读取',
  national_reference: '全国年度对比数据（亿元、百分比）。用 FINAL 读取',
  national_series: '全国对比数据：按发布机构、序列和期间（亿元、百分比）。用 FINAL 读取，并跳过 deleted = 1 的行',
  plan_targets: '电子商务进农村综合示范方案的各地目标，由官员维护。用 FINAL 读取',
};

/** The table's description in the reader's language; null where there is none in it. */
export const tableNoteZh = (table: string): string | null => ZH[table] ?? null;
