import type { ElderCategory } from '@eldercare/domain';
import { isAdvancedAge } from '@eldercare/domain';
import { SeededRandom } from '@eldercare/devices';
import type { DeviceType } from '@eldercare/protocol';
import { demoHomeIn, demoIndexesOf } from './demo-map';

/** A home inside the community's part of the demo district, so that region outlines hold their elders. */
function homeIn(community: DemoRegion, u: number, v: number): { lat: number; lon: number } {
  const { streetIndex, communityIndex } = demoIndexesOf(community.code);
  return demoHomeIn(streetIndex, communityIndex ?? 0, u, v);
}

export interface DemoRegion {
  code: string;
  name: string;
  level: 'district' | 'street' | 'community';
  parentCode: string | null;
}

export interface DemoElder {
  key: string;
  name: string;
  gender: 'female' | 'male';
  birthDate: string;
  categories: ElderCategory[];
  communityCode: string;
  address: string;
  idNumber: string;
  phone: string;
  keySafeCode: string;
  medicalNotes: string;
  contacts: { name: string; relation: string; phone: string }[];
  home: { lat: number; lon: number };
  devices: { id: string; type: DeviceType }[];
}

export interface DemoCity {
  regions: DemoRegion[];
  elders: DemoElder[];
}

const DISTRICT = { code: '360102', name: '东湖区' };
const STREETS: [string, string[]][] = [
  ['公园街道', ['公园社区', '环湖社区', '孺子社区']],
  ['滕王阁街道', ['滕王阁社区', '榕门社区', '沿江社区']],
  ['百花洲街道', ['百花洲社区', '墩子塘社区', '水电社区']],
  ['豫章街道', ['豫章社区', '胜利社区', '叠山社区']],
  ['八一桥街道', ['八一桥社区', '贤士社区', '青山湖社区']],
  ['扬子洲镇', ['扬子洲村', '新洲村', '老洲村']],
];
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文',
);
const GIVEN_FEMALE = [
  '秀英',
  '桂英',
  '秀兰',
  '玉兰',
  '桂兰',
  '凤英',
  '淑珍',
  '玉珍',
  '春梅',
  '美华',
  '素芬',
  '翠花',
  '金凤',
  '月娥',
  '冬梅',
];
const GIVEN_MALE = [
  '建国',
  '国庆',
  '德明',
  '志强',
  '保华',
  '长生',
  '福生',
  '水根',
  '明华',
  '家宝',
  '国华',
  '春生',
  '永康',
  '宝林',
  '德胜',
];
const MEDICAL_NOTES = [
  '高血压，每日服药',
  '糖尿病，注射胰岛素',
  '冠心病，随身带硝酸甘油',
  '轻度认知障碍',
  '行动不便，使用助行器',
  '无特殊病史',
  '慢阻肺，家中备制氧机',
];

/** An 18-digit resident ID number: the 17 given digits and their ISO 7064 MOD 11-2 check character. */
function residentIdNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
  return first17 + '10X98765432'[sum % 11];
}

const ROADS = [
  '八一大道',
  '中山路',
  '胜利路',
  '象山北路',
  '叠山路',
  '沿江北大道',
  '阳明路',
  '孺子路',
  '榕门路',
  '墩子塘路',
];

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** How many elders of the demo city have a care bed at home (家庭养老床位) with a bed-sensor mat. */
export const DEMO_CARE_BEDS = 2;

/**
 * Care beds go to the first disabled (失能) elders, then the first semi-disabled, who already have personal care in
 * their plans: each gets a bed-sensor mat beside their other devices. Chosen without drawing from the city's random
 * sequence, so that the rest of the city stays as it was.
 */
function addCareBedMats(elders: DemoElder[]): void {
  const rank = (elder: DemoElder) =>
    elder.categories.includes('disabled') ? 0 : elder.categories.includes('semi_disabled') ? 1 : 2;
  const chosen = [...elders].sort((a, b) => rank(a) - rank(b)).slice(0, DEMO_CARE_BEDS);
  for (const elder of chosen) elder.devices.push({ id: `mat-${elder.key}`, type: 'bed_mat' });
}

/**
 * One district of Nanchang with its streets and communities, and `elderCount` elders with realistic categories
 * and devices: every home has an emergency-call button, most a smart water meter, many a watch (always for 失智), and
 * two care beds a bed-sensor mat.
 */
export function generateDemoCity(elderCount: number, today: Date, seed = 20211): DemoCity {
  const generator = SeededRandom.from('demo-city', seed);
  const random = () => generator.next();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;

  const regions: DemoRegion[] = [{ code: DISTRICT.code, name: DISTRICT.name, level: 'district', parentCode: null }];
  const communities: DemoRegion[] = [];
  STREETS.forEach(([street, names], streetIndex) => {
    const streetCode = `${DISTRICT.code}${pad(streetIndex + 1, 3)}`;
    regions.push({ code: streetCode, name: street, level: 'street', parentCode: DISTRICT.code });
    names.forEach((name, communityIndex) => {
      const community: DemoRegion = {
        code: `${streetCode}${pad(communityIndex + 1, 3)}`,
        name,
        level: 'community',
        parentCode: streetCode,
      };
      regions.push(community);
      communities.push(community);
    });
  });

  const elders: DemoElder[] = [];
  /** The last elder placed in each community: one in 25 lives at the same address (a couple, one flat). */
  const lastIn = new Map<string, DemoElder>();
  for (let index = 1; index <= elderCount; index++) {
    const gender = chance(0.58) ? 'female' : 'male';
    const age = 62 + Math.floor(random() ** 1.6 * 38);
    const birthDate = new Date(
      Date.UTC(today.getUTCFullYear() - age, Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
    );
    const categories = new Set<ElderCategory>();
    if (chance(0.38)) categories.add('living_alone');
    else if (chance(0.55)) categories.add('empty_nest');
    if (isAdvancedAge(birthDate, today)) categories.add('advanced_age');
    if (chance(0.08)) categories.add('disabled');
    else if (chance(0.12)) categories.add('semi_disabled');
    if (chance(age >= 80 ? 0.14 : 0.04)) categories.add('dementia');
    if (chance(0.05)) categories.add('extreme_poverty');
    else if (chance(0.1)) categories.add('minimum_allowance');
    else if (chance(0.1)) categories.add('low_income');
    if (chance(0.03)) categories.add('severe_disability');
    const community = pick(communities);
    if (community.name.endsWith('村') && chance(0.5)) categories.add('left_behind');

    const number = pad(index, 6);
    const devices: DemoElder['devices'] = [{ id: `btn-${number}`, type: 'call_button' }];
    if (chance(0.8)) devices.push({ id: `wm-${number}`, type: 'water_meter' });
    if (categories.has('dementia') || chance(0.45)) devices.push({ id: `watch-${number}`, type: 'wearable' });

    const surname = pick(SURNAMES);
    const mobile = () =>
      `1${pick(['38', '39', '58', '86', '37'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    const contacts = [{ name: surname + pick(GIVEN_MALE), relation: '儿子', phone: mobile() }];
    if (chance(0.6)) contacts.push({ name: surname + pick(GIVEN_FEMALE), relation: '女儿', phone: mobile() });
    if (chance(0.5)) contacts.push({ name: pick(SURNAMES) + pick(GIVEN_FEMALE), relation: '邻居', phone: mobile() });
    elders.push({
      key: number,
      name: surname + pick(gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE),
      gender,
      birthDate: birthDate.toISOString().slice(0, 10),
      categories: [...categories],
      communityCode: community.code,
      idNumber: residentIdNumber(
        `${DISTRICT.code}${birthDate.toISOString().slice(0, 10).replaceAll('-', '')}${pad(index % 1000, 3)}`,
      ),
      phone: mobile(),
      keySafeCode: String(1000 + Math.floor(random() * 9000)),
      medicalNotes: pick(MEDICAL_NOTES),
      contacts,
      home: homeIn(community, random(), random()),
      address: `南昌市东湖区${pick(ROADS)}${1 + Math.floor(random() * 300)}号${1 + Math.floor(random() * 6)}栋${1 + Math.floor(random() * 6)}0${1 + Math.floor(random() * 4)}室`,
      devices,
    });
    const placed = elders[elders.length - 1];
    const neighbour = lastIn.get(community.code);
    if (neighbour && index % 25 === 0) {
      placed.home = neighbour.home;
      placed.address = neighbour.address;
    }
    lastIn.set(community.code, placed);
  }
  addCareBedMats(elders);
  return { regions, elders };
}
