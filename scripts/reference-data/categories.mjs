const tree = [
  ['grain_oil', '粮油', 'Grain & oil', [
    ['rice', '大米', 'Rice'], ['flour', '面粉', 'Flour'], ['oil', '食用油', 'Cooking oil'],
    ['noodles', '挂面', 'Dried noodles'], ['rice_noodle', '米线米粉', 'Rice noodles'], ['grains', '杂粮', 'Coarse grains & beans']]],
  ['beverages', '饮料酒水', 'Beverages', [
    ['water', '饮用水', 'Bottled water'], ['soft_drink', '碳酸饮料', 'Soft drinks'], ['tea', '茶饮料', 'Tea drinks'],
    ['juice', '果汁饮料', 'Juice drinks'], ['energy', '功能饮料', 'Energy drinks'], ['beer', '啤酒', 'Beer'], ['baijiu', '白酒', 'Baijiu']]],
  ['snacks', '休闲零食', 'Snacks', [
    ['instant_noodle', '方便面', 'Instant noodles'], ['biscuits', '饼干糕点', 'Biscuits & cakes'], ['nuts', '坚果炒货', 'Nuts & seeds'],
    ['spicy', '辣条', 'Spicy strips'], ['puffed', '膨化食品', 'Puffed snacks'], ['candy', '糖果巧克力', 'Sweets & chocolate'],
    ['sausage', '火腿肠', 'Sausages']]],
  ['condiments', '调味品', 'Condiments', [
    ['salt', '食盐', 'Salt'], ['soy_sauce', '酱油', 'Soy sauce'], ['vinegar', '食醋', 'Vinegar'], ['chili', '辣椒调料', 'Chili'],
    ['msg', '味精鸡精', 'MSG & bouillon'], ['sauce', '酱料', 'Sauces & pastes'], ['spices', '香辛料', 'Spices'], ['sugar', '食糖', 'Sugar']]],
  ['dairy', '乳品', 'Dairy', [
    ['milk', '纯牛奶', 'Milk'], ['yogurt', '酸奶', 'Yogurt'], ['milk_drink', '含乳饮料', 'Milk drinks'], ['milk_powder', '奶粉', 'Milk powder']]],
  ['daily_chem', '日化用品', 'Household & personal care', [
    ['laundry', '洗衣用品', 'Laundry'], ['dish', '洗洁精', 'Dishwashing'], ['hair', '洗发护发', 'Hair care'],
    ['oral', '口腔护理', 'Oral care'], ['soap', '香皂沐浴', 'Soap & body wash'], ['feminine', '卫生巾', 'Feminine care']]],
  ['household', '日用百货', 'Household goods', [
    ['paper', '纸品', 'Paper'], ['electrical', '电池灯具', 'Batteries & lamps'], ['kitchen', '厨房用品', 'Kitchen'],
    ['cleaning', '清洁用具', 'Cleaning tools'], ['insect', '驱蚊杀虫', 'Insect control'], ['misc', '小百货', 'Sundries']]],
  ['tobacco', '烟草', 'Tobacco', [
    ['cigarettes', '卷烟', 'Cigarettes'], ['cut_tobacco', '烟丝', 'Cut tobacco'], ['accessories', '烟具', 'Smoking accessories']]],
  ['agri_inputs', '农资', 'Farm inputs', [
    ['fertilizer', '化肥', 'Fertilizer'], ['seeds', '种子', 'Seeds'], ['pesticide', '农药', 'Pesticides'],
    ['film', '农膜', 'Plastic mulch'], ['feed', '饲料', 'Animal feed'], ['tools', '农具', 'Tools']]],
  ['produce', '本地农特产品', 'Local produce', [
    ['wild_mushroom', '鲜野生菌', 'Fresh wild mushrooms'], ['dried', '山珍干货', 'Dried mushrooms & forest goods'],
    ['vegetables', '蔬菜', 'Vegetables'], ['fruit', '水果', 'Fruit'], ['nuts', '核桃坚果', 'Walnuts & nuts'],
    ['meat', '禽肉蛋火腿', 'Poultry, eggs & ham'], ['vinegar', '地方醋', 'Local vinegar'], ['specialty', '地方特色食品', 'Local specialties']]],
  ['crafts', '民族手工艺品', 'Ethnic crafts', [
    ['embroidery', '彝绣', 'Yi embroidery'], ['costume', '民族服饰', 'Ethnic costume'], ['inkstone', '砚台', 'Inkstones']]],
];
export const categories = {
  note: 'Two-level category tree of fast-moving goods and local produce. Top codes and names as in contracts/categories.ts TOP_CATEGORIES; child codes are dotted extensions. Every SKU in products.json uses a child code.',
  categories: tree.map(([code, zh, en, kids]) => ({
    code, zh, en, children: kids.map(([c, z, e]) => ({ code: `${code}.${c}`, zh: z, en: e })),
  })),
};
