// Generates reference/products.json. Prices: assumed typical 2025-2026 shelf prices in rural
// Yunnan (village shop / township market), integer fen.
const S = {
  nanhua: 'emushroom.net/news/show-11855.html: 南华县 中国野生菌之乡; 松茸 in 10 townships, fruiting May to November; 青头菌、牛肝菌、干巴菌、鸡枞、鸡油菌 and 干片 traded at the county market, from 五街 and other areas',
  cxBolete: 'hbzqbyyxgs.com/citiao/159265.html: 楚雄牛肝菌 地理标志保护产品; fresh boletes sliced and dried for sale',
  condiments: 'phbabc.com/citiao/8864.html: 南华鸡枞油 listed among Chuxiong specialty condiments',
  lufengVinegar: 'shop.bytravel.cn/produce3/lufengxiangcu.html and phbabc.com/citiao/8864.html: 禄丰香醋 地理标志保护产品, glutinous-rice vinegar, origin 金山镇岔河村 (Ming 帛醋)',
  yuanmouVeg: 'Chinanews 2015-12-19 (kunming.baogaosu.com): 元谋 中国冬早蔬菜之乡, winter-early vegetables on sale in December, 番茄、洋葱、青枣 named; CCTV via news.hexun.com 2021-12-29: 菜豆、番茄、小瓜、茄子 at 能禹 market in late December',
  tamarind: 'm.bytravel.cn/produce2/917889D2.html: 元谋酸角 grown at 江边、黄瓜园、物茂、平田、元马、老城 below 1500 m; fruit picked from spring of the year after flowering; 酸角糖片 made from it',
  longan: '115sou.com/tc-OSER-EOFNY.html: 元谋龙眼, early type mid-June to early July, late type end of July to early August',
  walnut: 'newton.com.tw/wiki/大姚核桃: 国家地理标志产品 (AQSIQ 2015 No. 96); studyofnet.com/300940241.html: 三台乡 中国核桃之乡; drbdp.com/4-6136121.html: Yunnan walnuts harvested September-November',
  wuding: 'dapengmianbei.com/xwzx/gsxw/2957.html (2024 武定壮鸡野生菌美食季 in Kunming): 武定壮鸡 (武定鸡 GI brand, 3.87 million birds in 2023), 猫街松茸, and 武定 火腿、蜂蜜、核桃 as local products',
  muding: 'm.hbzqbyyxgs.com/top/406290.html and gnagarna.com (Chuxiong top specialties): 牟定腐乳, traditional product of 牟定县; same page: 武定 苦荞 and 荞粑粑',
  toonaAnalogy: 'season by analogy with Yunnan 香椿 (163.com 2024: 玉溪 跨喜 香椿 picked December to April, peak March); 双柏 origin not checked',
};

const products = [];
function p(sku, name, category, priceFen, unit, weight, opts = {}) {
  const agricultural = opts.agricultural ?? (category.startsWith('produce.') || category.startsWith('grain_oil.') && !/instant/.test(sku));
  const row = { sku, name, category, priceFen, unit, weight, agricultural, povertyRelief: opts.povertyRelief ?? false };
  if (opts.origin) row.originAreaCode = opts.origin;
  if (opts.season) row.seasonMonths = opts.season;
  if (opts.peak) row.peakMonths = opts.peak;
  row.assumed = opts.assumed ?? true;
  if (opts.sourced) row.sourced = opts.sourced;
  if (opts.note) row.note = opts.note;
  products.push(row);
}
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const WINTER = [11, 12, 1, 2, 3, 4];

// Grain and oil.
p('rice-5kg', '大米(粳米)5kg', 'grain_oil.rice', 3990, '袋', 4);
p('rice-10kg', '大米(粳米)10kg', 'grain_oil.rice', 7580, '袋', 2);
p('rice-25kg', '大米25kg', 'grain_oil.rice', 17500, '袋', 1);
p('glutinous-rice-2_5kg', '糯米2.5kg', 'grain_oil.rice', 2250, '袋', 1, { peak: [1, 2] });
p('flour-2_5kg', '面粉2.5kg', 'grain_oil.flour', 1650, '袋', 2);
p('rapeseed-oil-5l', '菜籽油5L', 'grain_oil.oil', 7990, '桶', 2);
p('rapeseed-oil-1_8l', '菜籽油1.8L', 'grain_oil.oil', 3290, '瓶', 1.5);
p('soybean-oil-5l', '大豆油5L', 'grain_oil.oil', 5990, '桶', 1.5);
p('blend-oil-5l', '食用调和油5L', 'grain_oil.oil', 6490, '桶', 1.5);
p('noodles-1kg', '挂面1kg', 'grain_oil.noodles', 850, '袋', 4);
p('rice-noodle-fresh-1kg', '鲜米线1kg', 'grain_oil.rice_noodle', 500, '1kg', 3);
p('rice-noodle-dry-1kg', '干米线1kg', 'grain_oil.rice_noodle', 1200, '袋', 2);
p('erkuai-500g', '饵块500g', 'grain_oil.rice_noodle', 600, '袋', 2, { peak: [1, 2] });
p('mung-beans-500g', '绿豆500g', 'grain_oil.grains', 800, '袋', 1, { peak: [6, 7, 8] });
p('buckwheat-flour-wuding-500g', '武定苦荞面500g', 'grain_oil.grains', 1000, '袋', 0.5,
  { origin: '532329', povertyRelief: true, sourced: ['identity', 'origin'], note: `${S.muding}. Price assumed.` });

// Beverages.
p('water-550ml', '饮用天然水550ml', 'beverages.water', 200, '瓶', 10);
p('water-550ml-24', '饮用水550ml×24', 'beverages.water', 3600, '箱', 2);
p('water-bucket-18_9l', '桶装水18.9L', 'beverages.water', 1500, '桶', 1);
p('cola-500ml', '可口可乐500ml', 'beverages.soft_drink', 350, '瓶', 7);
p('sprite-500ml', '雪碧500ml', 'beverages.soft_drink', 350, '瓶', 5);
p('cola-330ml-24', '可乐330ml×24罐', 'beverages.soft_drink', 4800, '箱', 1, { peak: [1, 2] });
p('green-tea-500ml', '绿茶饮料500ml', 'beverages.tea', 350, '瓶', 6);
p('ice-tea-500ml', '冰红茶500ml', 'beverages.tea', 350, '瓶', 7);
p('herbal-tea-310ml', '凉茶310ml', 'beverages.tea', 450, '罐', 4);
p('orange-juice-450ml', '橙汁饮料450ml', 'beverages.juice', 400, '瓶', 3);
p('energy-drink-250ml', '红牛维生素功能饮料250ml', 'beverages.energy', 600, '罐', 4);
p('energy-drink-500ml', '东鹏特饮500ml', 'beverages.energy', 500, '瓶', 4);
p('beer-500ml', '啤酒500ml', 'beverages.beer', 500, '罐', 6);
p('beer-500ml-12', '啤酒500ml×12罐', 'beverages.beer', 5500, '箱', 2, { peak: [1, 2, 7, 8] });
p('baijiu-500ml', '白酒(浓香型)500ml', 'beverages.baijiu', 3800, '瓶', 1);
p('erguotou-500ml', '二锅头56°500ml', 'beverages.baijiu', 1800, '瓶', 2);
p('corn-liquor-500ml', '包谷酒(散装)500ml', 'beverages.baijiu', 1500, '斤', 2, { agricultural: false });
p('baijiu-gift-500ml', '白酒礼盒500ml', 'beverages.baijiu', 12800, '盒', 0.3, { peak: [1, 2, 9] });

// Snacks.
p('instant-noodle-5pk', '方便面五连包', 'snacks.instant_noodle', 1350, '包', 6);
p('instant-noodle-bag', '方便面(袋)', 'snacks.instant_noodle', 300, '袋', 6);
p('instant-noodle-cup', '桶装方便面', 'snacks.instant_noodle', 500, '桶', 4);
p('biscuits-300g', '饼干300g', 'snacks.biscuits', 790, '袋', 4);
p('bread-100g', '面包(袋装)', 'snacks.biscuits', 350, '袋', 4);
p('flower-cake-4', '鲜花饼4枚装', 'snacks.biscuits', 1200, '盒', 2);
p('mooncake-4', '月饼4枚装', 'snacks.biscuits', 2800, '盒', 0.5, { season: [8, 9], peak: [9] });
p('sunflower-seeds-250g', '瓜子250g', 'snacks.nuts', 900, '袋', 3, { peak: [1, 2] });
p('peanuts-spiced-200g', '香辣花生200g', 'snacks.nuts', 650, '袋', 3);
p('spicy-strips-100g', '辣条100g', 'snacks.spicy', 300, '袋', 5);
p('spicy-strips-30g', '辣条(小包)', 'snacks.spicy', 100, '袋', 6);
p('potato-chips-70g', '薯片70g', 'snacks.puffed', 750, '袋', 3);
p('crispy-noodles-50g', '干脆面50g', 'snacks.puffed', 100, '包', 5);
p('lollipop', '棒棒糖', 'snacks.candy', 50, '支', 4);
p('hard-candy-500g', '水果糖500g(散装)', 'snacks.candy', 1500, '斤', 1, { peak: [1, 2] });
p('ham-sausage', '火腿肠(单支)', 'snacks.sausage', 150, '支', 4);
p('ham-sausage-10', '火腿肠10支装', 'snacks.sausage', 1200, '袋', 3);

// Condiments.
p('salt-400g', '食用盐400g', 'condiments.salt', 250, '袋', 3);
p('soy-sauce-500ml', '酱油500ml', 'condiments.soy_sauce', 990, '瓶', 3);
p('vinegar-rice-500ml', '米醋500ml', 'condiments.vinegar', 550, '瓶', 2);
p('chili-oil-280g', '风味油辣椒280g', 'condiments.chili', 1100, '瓶', 2);
p('chili-powder-200g', '辣椒面200g', 'condiments.chili', 800, '袋', 2);
p('msg-454g', '味精454g', 'condiments.msg', 850, '袋', 2);
p('chicken-bouillon-200g', '鸡精200g', 'condiments.msg', 750, '袋', 2);
p('doubanjiang-500g', '豆瓣酱500g', 'condiments.sauce', 900, '瓶', 1.5);
p('hotpot-base-150g', '火锅底料150g', 'condiments.sauce', 1100, '袋', 2, { peak: [11, 12, 1, 2] });
p('sichuan-pepper-50g', '花椒50g', 'condiments.spices', 800, '袋', 1);
p('cooking-wine-500ml', '料酒500ml', 'condiments.spices', 550, '瓶', 1);
p('white-sugar-400g', '白砂糖400g', 'condiments.sugar', 550, '袋', 2);
p('brown-sugar-500g', '红糖500g', 'condiments.sugar', 900, '袋', 1.5);

// Dairy.
p('milk-250ml-12', '纯牛奶250ml×12', 'dairy.milk', 4800, '箱', 2, { peak: [1, 2, 9] });
p('milk-250ml', '纯牛奶250ml', 'dairy.milk', 400, '盒', 3);
p('yogurt-200g', '酸奶200g', 'dairy.yogurt', 450, '杯', 3);
p('ad-milk-220g-4', 'AD钙奶220g×4', 'dairy.milk_drink', 900, '排', 3);
p('wangzai-milk-245ml', '旺仔牛奶245ml', 'dairy.milk_drink', 550, '罐', 4);
p('nutrition-express-500ml', '营养快线500ml', 'dairy.milk_drink', 500, '瓶', 3);
p('milk-powder-adult-400g', '中老年奶粉400g', 'dairy.milk_powder', 4500, '袋', 0.5);
p('milk-powder-infant-800g', '婴幼儿配方奶粉800g', 'dairy.milk_powder', 22800, '罐', 0.3);

// Personal and household care.
p('detergent-2kg', '洗衣液2kg', 'daily_chem.laundry', 2590, '瓶', 2);
p('washing-powder-1_5kg', '洗衣粉1.5kg', 'daily_chem.laundry', 1390, '袋', 2);
p('laundry-soap-2', '洗衣皂2块', 'daily_chem.laundry', 700, '组', 2);
p('dish-soap-1_5kg', '洗洁精1.5kg', 'daily_chem.dish', 1290, '瓶', 2);
p('shampoo-400ml', '洗发水400ml', 'daily_chem.hair', 2990, '瓶', 1);
p('shampoo-sachet', '洗发水小袋', 'daily_chem.hair', 50, '袋', 2);
p('toothpaste-120g', '牙膏120g', 'daily_chem.oral', 890, '支', 2);
p('soap-115g', '香皂115g', 'daily_chem.soap', 450, '块', 2);
p('body-wash-720ml', '沐浴露720ml', 'daily_chem.soap', 2990, '瓶', 0.8);
p('sanitary-pads-10', '卫生巾10片', 'daily_chem.feminine', 990, '包', 1.5);

// Household goods.
p('tissue-10pk', '抽纸10包', 'household.paper', 1590, '提', 3);
p('toilet-roll-10', '卷纸10卷', 'household.paper', 1990, '提', 2);
p('batteries-aa-4', '5号电池4节', 'household.electrical', 1000, '组', 1);
p('batteries-d-2', '1号电池2节', 'household.electrical', 600, '组', 1);
p('flashlight-rechargeable', '充电手电筒', 'household.electrical', 2500, '个', 0.5);
p('disposable-cups-50', '一次性杯50只', 'household.kitchen', 500, '袋', 1.5, { peak: [1, 2] });
p('disposable-chopsticks-100', '一次性筷子100双', 'household.kitchen', 800, '袋', 1, { peak: [1, 2] });
p('trash-bags-3', '垃圾袋3卷', 'household.cleaning', 500, '组', 2);
p('mosquito-coils-10', '蚊香10单圈', 'household.insect', 600, '盒', 2, { peak: [5, 6, 7, 8, 9] });
p('insecticide-spray-600ml', '杀虫气雾剂600ml', 'household.insect', 1800, '瓶', 1, { peak: [5, 6, 7, 8, 9] });
p('umbrella', '雨伞', 'household.misc', 2500, '把', 0.3, { peak: [6, 7, 8] });

// Tobacco: Yunnan brands.
p('cigarettes-yunyan', '云烟(紫)', 'tobacco.cigarettes', 1100, '包', 6);
p('cigarettes-yunyan-zhenpin', '云烟(软珍品)', 'tobacco.cigarettes', 2200, '包', 2);
p('cigarettes-hongtashan', '红塔山(经典100)', 'tobacco.cigarettes', 1000, '包', 5);
p('cigarettes-yuxi', '玉溪(软)', 'tobacco.cigarettes', 2300, '包', 3);
p('cigarettes-honghe', '红河(软甲)', 'tobacco.cigarettes', 800, '包', 4);
p('cut-tobacco-50g', '烟丝50g(水烟筒用)', 'tobacco.cut_tobacco', 1000, '袋', 1);
p('lighter', '打火机', 'tobacco.accessories', 100, '个', 5);

// Farm inputs: peaks at sowing before the rains (assumed).
p('fertilizer-compound-40kg', '复合肥40kg', 'agri_inputs.fertilizer', 16000, '袋', 1, { peak: [3, 4, 5, 6] });
p('fertilizer-urea-40kg', '尿素40kg', 'agri_inputs.fertilizer', 9500, '袋', 1, { peak: [5, 6, 7] });
p('fertilizer-organic-40kg', '商品有机肥40kg', 'agri_inputs.fertilizer', 3500, '袋', 0.6, { peak: [2, 3, 4, 10, 11] });
p('seeds-corn-1kg', '杂交玉米种子1kg', 'agri_inputs.seeds', 4500, '袋', 1, { peak: [3, 4, 5] });
p('seeds-rice-1kg', '杂交水稻种子1kg', 'agri_inputs.seeds', 6800, '袋', 0.5, { peak: [2, 3, 4] });
p('seeds-vegetable', '蔬菜种子(小包)', 'agri_inputs.seeds', 500, '包', 1.5, { peak: [2, 3, 8, 9] });
p('herbicide-200ml', '除草剂200ml', 'agri_inputs.pesticide', 1500, '瓶', 1, { peak: [4, 5, 6] });
p('insecticide-farm-100g', '杀虫剂100g', 'agri_inputs.pesticide', 1000, '袋', 1, { peak: [5, 6, 7, 8] });
p('mulch-film-roll', '地膜(卷)', 'agri_inputs.film', 7000, '卷', 0.6, { peak: [2, 3, 4, 9, 10] });
p('feed-pig-40kg', '猪饲料40kg', 'agri_inputs.feed', 15000, '袋', 0.8);
p('sprayer-16l', '电动喷雾器16L', 'agri_inputs.tools', 18000, '台', 0.1, { peak: [4, 5, 6] });

// Local produce: wild mushrooms (rainy season).
const nh = ['identity', 'origin'];
p('matsutake-nanhua-500g', '南华松茸(鲜)500g', 'produce.wild_mushroom', 20000, '500g', 0.3,
  { origin: '532324103', season: range(5, 11), peak: [7, 8, 9], povertyRelief: true, sourced: [...nh, 'season'],
    note: `${S.nanhua}. Origin 五街镇 as named there. Peak months and price assumed.` });
p('porcini-nanhua-500g', '南华牛肝菌(鲜)500g', 'produce.wild_mushroom', 4000, '500g', 1,
  { origin: '532324', season: [6, 7, 8, 9], peak: [7, 8], povertyRelief: true, sourced: nh,
    note: `${S.nanhua}. Season and price assumed.` });
p('termite-mushroom-nanhua-500g', '南华鸡枞(鲜)500g', 'produce.wild_mushroom', 9000, '500g', 0.6,
  { origin: '532324', season: [6, 7, 8, 9], peak: [7, 8], sourced: nh, note: `${S.nanhua}. Season and price assumed.` });
p('ganba-mushroom-nanhua-500g', '南华干巴菌(鲜)500g', 'produce.wild_mushroom', 15000, '500g', 0.3,
  { origin: '532324', season: [7, 8, 9, 10], peak: [8, 9], sourced: nh, note: `${S.nanhua}. Season and price assumed.` });
p('green-russula-nanhua-500g', '南华青头菌(鲜)500g', 'produce.wild_mushroom', 2500, '500g', 1,
  { origin: '532324', season: [6, 7, 8, 9], peak: [7, 8], sourced: nh, note: `${S.nanhua}. Season and price assumed.` });
p('chanterelle-nanhua-500g', '南华鸡油菌(鲜)500g', 'produce.wild_mushroom', 3000, '500g', 0.5,
  { origin: '532324', season: [6, 7, 8, 9], peak: [7, 8], sourced: nh, note: `${S.nanhua}. Season and price assumed.` });
p('matsutake-wuding-maojie-500g', '武定猫街松茸(鲜)500g', 'produce.wild_mushroom', 18000, '500g', 0.2,
  { origin: '532329103', season: [6, 7, 8, 9, 10], peak: [8, 9], povertyRelief: true, sourced: nh,
    note: `${S.wuding}. Origin 猫街镇 as named there. Season and price assumed.` });
p('mixed-mushrooms-chuxiong-1kg', '楚雄杂菌(鲜)1kg', 'produce.wild_mushroom', 3000, '1kg', 1,
  { origin: '532301', season: [6, 7, 8, 9], peak: [7, 8], note: 'Generic mixed wild mushrooms from 楚雄市 markets; season and price assumed.' });
p('porcini-slices-chuxiong-250g', '楚雄牛肝菌干片250g', 'produce.dried', 6800, '袋', 0.8,
  { origin: '532301', peak: [8, 9, 10], sourced: nh, note: `${S.cxBolete}. Dried, on sale all year; price assumed.` });
p('dried-mushrooms-nanhua-250g', '南华野生菌干片250g', 'produce.dried', 5800, '袋', 0.5,
  { origin: '532324', povertyRelief: true, sourced: nh, note: `${S.nanhua}. Dried, on sale all year; price assumed.` });
p('termite-mushroom-oil-nanhua-250g', '南华鸡枞油250g', 'produce.specialty', 4800, '瓶', 0.8,
  { origin: '532324', sourced: nh, note: `${S.condiments}. Price assumed.` });

// 元谋 winter-early vegetables and dry-hot valley fruit.
const ym = (sku, name, priceFen, weight) => p(sku, name, 'produce.vegetables', priceFen, '1kg', weight,
  { origin: '532328', season: WINTER, peak: [12, 1, 2], sourced: nh,
    note: `${S.yuanmouVeg}. Season November-April and peak assumed from the December reports; price assumed.` });
ym('tomato-yuanmou-1kg', '元谋番茄(冬早)1kg', 800, 2);
ym('green-beans-yuanmou-1kg', '元谋菜豆(冬早)1kg', 1000, 1.5);
ym('zucchini-yuanmou-1kg', '元谋小瓜(冬早)1kg', 600, 1);
ym('eggplant-yuanmou-1kg', '元谋茄子(冬早)1kg', 700, 1);
ym('onion-yuanmou-1kg', '元谋洋葱1kg', 400, 1.5);
p('pepper-yuanmou-1kg', '元谋青椒(冬早)1kg', 'produce.vegetables', 900, '1kg', 1.5,
  { origin: '532328', season: WINTER, peak: [12, 1, 2], note: 'Green peppers are a common 元谋 winter crop but not named in the sources of the other 元谋 vegetables; season and price assumed.' });
p('jujube-yuanmou-1kg', '元谋青枣1kg', 'produce.fruit', 1000, '1kg', 1,
  { origin: '532328', season: [12, 1, 2, 3], peak: [1, 2], sourced: nh, note: `${S.yuanmouVeg}. Season and price assumed.` });
p('tamarind-yuanmou-500g', '元谋酸角500g', 'produce.fruit', 1000, '500g', 0.5,
  { origin: '532328103', season: [2, 3, 4], sourced: [...nh, 'season'], note: `${S.tamarind}. Origin 黄瓜园镇, one of the towns named. Price assumed.` });
p('tamarind-candy-yuanmou-200g', '元谋酸角糖200g', 'produce.specialty', 1200, '袋', 0.8,
  { origin: '532328', povertyRelief: true, sourced: nh, note: `${S.tamarind}. On sale all year; price assumed.` });
p('longan-yuanmou-500g', '元谋龙眼500g', 'produce.fruit', 1000, '500g', 0.8,
  { origin: '532328', season: [6, 7, 8], peak: [7], sourced: [...nh, 'season'], note: `${S.longan}. Price assumed.` });
p('mango-yuanmou-1kg', '元谋芒果1kg', 'produce.fruit', 1200, '1kg', 0.8,
  { origin: '532328', season: [6, 7, 8, 9], peak: [7, 8], sourced: ['identity'],
    note: 'm.bytravel.cn lists 元谋芒果 among 元谋 specialties; season and price assumed.' });
p('grapes-yuanmou-500g', '元谋葡萄(早熟)500g', 'produce.fruit', 1500, '500g', 0.5,
  { origin: '532328', season: [4, 5, 6], peak: [5], note: '元谋 early-ripening grapes: not checked against a source; season and price assumed.' });

// 永仁 (金沙江 dry-hot valley, across the river from 攀枝花).
p('olive-oil-yongren-500ml', '永仁橄榄油500ml', 'produce.specialty', 9800, '瓶', 0.2,
  { origin: '532327', povertyRelief: true, note: '永仁 olive (油橄榄) plantations and oil: not checked against a source; price assumed.' });
p('mango-yongren-1kg', '永仁芒果1kg', 'produce.fruit', 1200, '1kg', 0.4,
  { origin: '532327', season: [7, 8, 9, 10], peak: [8, 9], note: 'Plausible but unverified: 永仁 lies in the 金沙江 dry-hot valley next to 攀枝花, a late-mango area (July-October). Season and price assumed.' });
p('pomegranate-yongren-1kg', '永仁软籽石榴1kg', 'produce.fruit', 1600, '1kg', 0.4,
  { origin: '532327', season: [8, 9, 10], peak: [9], note: '永仁 soft-seed pomegranate: not checked against a source; season and price assumed.' });

// 大姚 walnuts.
p('walnuts-dayao-500g', '大姚核桃500g', 'produce.nuts', 2500, '500g', 1,
  { origin: '532326', peak: [9, 10], povertyRelief: true, sourced: [...nh, 'season'],
    note: `${S.walnut}. Dried nuts on sale all year, peak after the harvest. Price assumed.` });
p('walnut-kernels-dayao-250g', '大姚核桃仁250g', 'produce.nuts', 2800, '袋', 0.5,
  { origin: '532326208', peak: [9, 10, 11], povertyRelief: true, sourced: nh, note: `${S.walnut}. Origin 三台乡. Price assumed.` });
p('walnuts-green-dayao-1kg', '大姚青皮鲜核桃1kg', 'produce.nuts', 1000, '1kg', 0.3,
  { origin: '532326208', season: [9, 10], sourced: [...nh, 'season'], note: `${S.walnut}. Fresh, only at harvest. Price assumed.` });

// 武定 poultry, ham and honey.
p('chicken-wuding', '武定壮鸡(约1.5kg)', 'produce.meat', 16800, '只', 0.3,
  { origin: '532329', povertyRelief: true, sourced: nh, note: `${S.wuding}. Price assumed.` });
p('ham-wuding-1kg', '武定火腿1kg', 'produce.meat', 12800, '1kg', 0.5,
  { origin: '532329', peak: [12, 1, 2], sourced: nh, note: `${S.wuding} (火腿 named only in a list). Peak and price assumed.` });
p('eggs-free-range-30', '土鸡蛋30枚', 'produce.meat', 4500, '盒', 1,
  { origin: '532329', note: 'Free-range eggs, 武定 origin assumed (武定 chicken farming); price assumed.' });
p('honey-wuding-500g', '武定蜂蜜500g', 'produce.specialty', 7800, '瓶', 0.3,
  { origin: '532329', sourced: nh, note: `${S.wuding}. Price assumed.` });

// 禄丰 vinegar.
p('vinegar-lufeng-xiangcu-500ml', '禄丰香醋500ml', 'produce.vinegar', 1200, '瓶', 1.5,
  { origin: '532302101', sourced: nh, note: `${S.lufengVinegar}. Price assumed.` });
p('vinegar-lufeng-xiangcu-2_5l', '禄丰香醋2.5L', 'produce.vinegar', 3800, '桶', 0.3,
  { origin: '532302101', sourced: nh, note: `${S.lufengVinegar}. Price assumed.` });
p('pear-vinegar-lufeng-500ml', '禄丰梨醋500ml', 'produce.vinegar', 1800, '瓶', 1,
  { origin: '532302', note: 'Kept because the simulator catalogue (ingest/sources/catalog.ts) uses this SKU. No source found for a 禄丰 pear vinegar: the documented 禄丰 vinegar is 禄丰香醋 (glutinous rice; SKU vinegar-lufeng-xiangcu-500ml). Identity, origin and price assumed.' });

// Other counties.
p('fermented-tofu-muding-300g', '牟定腐乳300g', 'produce.specialty', 1500, '瓶', 1,
  { origin: '532323', sourced: nh, note: `${S.muding}. Price assumed.` });
p('honey-shuangbai-500g', '双柏土蜂蜜500g', 'produce.specialty', 8000, '瓶', 0.3,
  { origin: '532322', povertyRelief: true, note: '双柏 honey: not checked against a source; price assumed.' });
p('toona-shuangbai-500g', '双柏香椿500g', 'produce.vegetables', 2000, '500g', 0.4,
  { origin: '532322', season: [1, 2, 3, 4], peak: [3], note: `${S.toonaAnalogy}. Price assumed.` });
p('garlic-yaoan-1kg', '姚安大蒜1kg', 'produce.vegetables', 1200, '1kg', 0.8,
  { origin: '532325', peak: [4, 5], note: '姚安 garlic: not checked against a source; stored garlic on sale all year, harvest peak assumed; price assumed.' });

// Crafts.
p('yi-embroidery-pouch', '彝绣小挎包', 'crafts.embroidery', 6800, '个', 0.2,
  { agricultural: false, povertyRelief: true, note: 'Chuxiong Yi embroidery (楚雄彝族刺绣); maker county not fixed; price assumed.' });
p('yi-embroidery-bag', '彝绣挎包(大)', 'crafts.embroidery', 15800, '个', 0.1, { agricultural: false, note: 'Price assumed.' });
p('yi-embroidery-picture', '彝绣挂画', 'crafts.embroidery', 28000, '幅', 0.05, { agricultural: false, note: 'Price assumed.' });
p('yi-costume-zhiju', '直苴彝族服饰(女装)', 'crafts.costume', 68000, '套', 0.02,
  { agricultural: false, origin: '532327103', note: '直苴 (中和镇, 永仁) costume tradition (赛装节) from general knowledge, not a checked source; price assumed.' });
p('inkstone-juque-yongren', '苴却砚(中号)', 'crafts.inkstone', 38000, '方', 0.02,
  { agricultural: false, origin: '532327', note: '苴却砚 of 永仁 from general knowledge, not a checked source; price assumed.' });

export { products };
