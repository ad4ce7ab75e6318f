/**
 * The national catalogue of home adaptations for elders (居家适老化改造项目和老年用品配置推荐清单): 30 items in 7 groups,
 * 7 of them basic (基础类, subsidised for eligible households), the others optional (可选类, self-paid), with the
 * guide prices (yuan, per unit) the platform plans with.
 * STORED OUTSIDE THE CODE: plans keep the item codes. Never rename one.
 */
export const ADAPTATION_GROUPS = {
  floor: { zh: '地面改造', en: 'floors' },
  doors: { zh: '门改造', en: 'doors' },
  bedroom: { zh: '卧室改造', en: 'bedroom' },
  bathroom: { zh: '如厕洗浴设备改造', en: 'toilet and bath' },
  kitchen: { zh: '厨房设备改造', en: 'kitchen' },
  surroundings: { zh: '物理环境改造', en: 'surroundings' },
  aids: { zh: '老年用品配置', en: 'aids' },
} as const;
export type AdaptationGroup = keyof typeof ADAPTATION_GROUPS;

interface CatalogueItem {
  group: AdaptationGroup;
  basic: boolean;
  zh: string;
  en: string;
  /** Guide price per unit, in yuan. */
  price: number;
  unit: string;
}

export const ADAPTATION_ITEMS = {
  'anti-slip-floor': { group: 'floor', basic: true, zh: '防滑处理', en: 'anti-slip floor', price: 80, unit: '㎡' },
  ramp: { group: 'floor', basic: true, zh: '高差处理（坡道）', en: 'ramp over a step', price: 300, unit: '处' },
  'floor-levelling': { group: 'floor', basic: false, zh: '平整硬化', en: 'floor levelling', price: 60, unit: '㎡' },
  'corridor-handrail': {
    group: 'floor',
    basic: false,
    zh: '安装扶手',
    en: 'corridor handrail',
    price: 150,
    unit: '米',
  },
  'threshold-removal': {
    group: 'doors',
    basic: false,
    zh: '门槛移除',
    en: 'threshold removal',
    price: 200,
    unit: '处',
  },
  'sliding-door': { group: 'doors', basic: false, zh: '平开门改推拉门', en: 'sliding door', price: 1200, unit: '樘' },
  'door-widening': { group: 'doors', basic: false, zh: '房门拓宽', en: 'door widening', price: 1500, unit: '樘' },
  'lever-handle': { group: 'doors', basic: false, zh: '下压式门把手', en: 'lever door handle', price: 120, unit: '个' },
  'bedside-rail': { group: 'bedroom', basic: true, zh: '床边护栏（抓杆）', en: 'bedside rail', price: 260, unit: '套' },
  'care-bed': { group: 'bedroom', basic: false, zh: '护理床', en: 'care bed', price: 3000, unit: '张' },
  'pressure-mattress': {
    group: 'bedroom',
    basic: false,
    zh: '防压疮垫',
    en: 'pressure-relief mattress',
    price: 600,
    unit: '张',
  },
  'grab-bars': { group: 'bathroom', basic: true, zh: '安装扶手（如厕洗浴）', en: 'grab bars', price: 180, unit: '副' },
  'shower-chair': { group: 'bathroom', basic: true, zh: '淋浴椅', en: 'shower chair', price: 200, unit: '把' },
  'squat-to-seat': {
    group: 'bathroom',
    basic: false,
    zh: '蹲便器改坐便器',
    en: 'seat toilet',
    price: 1000,
    unit: '个',
  },
  'tap-lever': { group: 'bathroom', basic: false, zh: '水龙头改造', en: 'lever taps', price: 150, unit: '个' },
  'bath-to-shower': {
    group: 'bathroom',
    basic: false,
    zh: '浴缸改淋浴',
    en: 'bath to shower',
    price: 2500,
    unit: '处',
  },
  'commode-chair': { group: 'bathroom', basic: false, zh: '坐便椅', en: 'commode chair', price: 260, unit: '把' },
  'counter-lowering': { group: 'kitchen', basic: false, zh: '台面改造', en: 'lower worktop', price: 1800, unit: '米' },
  'gas-safety': {
    group: 'kitchen',
    basic: false,
    zh: '燃气安全阀与报警器',
    en: 'gas alarm and cut-off',
    price: 500,
    unit: '套',
  },
  'sensor-lights': {
    group: 'surroundings',
    basic: false,
    zh: '自动感应灯具',
    en: 'sensor lights',
    price: 90,
    unit: '个',
  },
  'switch-sockets': {
    group: 'surroundings',
    basic: false,
    zh: '电源插座及开关改造',
    en: 'switches and sockets',
    price: 120,
    unit: '个',
  },
  'corner-guards': { group: 'surroundings', basic: false, zh: '防撞护角', en: 'corner guards', price: 30, unit: '个' },
  'smoke-alarm': { group: 'surroundings', basic: false, zh: '烟雾报警器', en: 'smoke alarm', price: 150, unit: '个' },
  'walking-stick': { group: 'aids', basic: true, zh: '手杖', en: 'walking stick', price: 80, unit: '根' },
  'anti-wandering': {
    group: 'aids',
    basic: true,
    zh: '防走失装置',
    en: 'anti-wandering device',
    price: 400,
    unit: '套',
  },
  wheelchair: { group: 'aids', basic: false, zh: '轮椅', en: 'wheelchair', price: 800, unit: '台' },
  'walking-frame': { group: 'aids', basic: false, zh: '助行器', en: 'walking frame', price: 300, unit: '台' },
  'hearing-aid': { group: 'aids', basic: false, zh: '助听器', en: 'hearing aid', price: 1500, unit: '副' },
  magnifier: { group: 'aids', basic: false, zh: '放大装置', en: 'magnifier', price: 150, unit: '个' },
  'eating-aids': { group: 'aids', basic: false, zh: '自助餐具', en: 'eating aids', price: 120, unit: '套' },
} as const satisfies Record<string, CatalogueItem>;
export type AdaptationItem = keyof typeof ADAPTATION_ITEMS;
export const ADAPTATION_ITEM_CODES = Object.keys(ADAPTATION_ITEMS) as AdaptationItem[];

export function isAdaptationItem(code: string): code is AdaptationItem {
  return Object.hasOwn(ADAPTATION_ITEMS, code);
}
