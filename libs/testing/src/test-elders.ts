import { ElderEntity, RegionEntity, type EmergencyContact } from '@eldercare/persistence';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface TestElder {
  elderId: string;
  communityId: string;
  streetId: string;
  districtId: string;
}

export interface TestElderDetails {
  ruleSettings?: Record<string, unknown>;
  name?: string;
  contacts?: EmergencyContact[];
}

/** An elder with a full record in a fresh district > street > community. */
export async function createTestElderInPlace(
  dataSource: DataSource,
  details: TestElderDetails = {},
): Promise<TestElder> {
  const regions = dataSource.getRepository(RegionEntity);
  const code = randomBytes(6).toString('hex');
  const district = await regions.save({ code: `d-${code}`, name: '测试区', level: 'district', parentId: null });
  const street = await regions.save({ code: `s-${code}`, name: '测试街道', level: 'street', parentId: district.id });
  const community = await regions.save({
    code: `c-${code}`,
    name: '测试社区',
    level: 'community',
    parentId: street.id,
  });
  const elder = await dataSource.getRepository(ElderEntity).save({
    name: details.name ?? '王秀英',
    gender: 'female',
    birthDate: '1941-03-08',
    categories: ['living_alone', 'advanced_age'],
    communityId: community.id,
    address: '南昌市东湖区八一大道1号3栋501',
    idNumber: '360102194103081226',
    phone: '13907911234',
    keySafeCode: '4821',
    medicalNotes: '高血压',
    emergencyContacts: details.contacts ?? [{ name: '李建国', relation: '儿子', phone: '13811112222' }],
    homeLat: 28.68,
    homeLon: 115.89,
    ruleSettings: details.ruleSettings ?? {},
  });
  return { elderId: elder.id, communityId: community.id, streetId: street.id, districtId: district.id };
}

/** An elder in a fresh community, with rule overrides if given; returns the elder's id. */
export async function createTestElder(
  dataSource: DataSource,
  ruleSettings: Record<string, unknown> = {},
): Promise<string> {
  return (await createTestElderInPlace(dataSource, { ruleSettings })).elderId;
}

/** `count` elders in one district (so one operator watches them all); answers their ids and the district's. */
export async function createTestEldersInOneDistrict(
  dataSource: DataSource,
  count: number,
): Promise<{ elderIds: string[]; districtId: string }> {
  const code = randomBytes(4).toString('hex');
  const [{ district, community }] = await dataSource.query(
    `WITH d AS (INSERT INTO regions (code, name, level) VALUES ($1, '测试区', 'district') RETURNING id),
          s AS (INSERT INTO regions (code, name, level, parent_id) SELECT $2, '测试街道', 'street', id FROM d RETURNING id),
          c AS (INSERT INTO regions (code, name, level, parent_id) SELECT $3, '测试社区', 'community', id FROM s RETURNING id)
     SELECT (SELECT id FROM d) AS district, (SELECT id FROM c) AS community`,
    [`d-${code}`, `s-${code}`, `c-${code}`],
  );
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO elders (name, gender, birth_date, categories, community_id, address, home_lat, home_lon)
     SELECT '老人' || n, 'female', '1941-03-08', '{living_alone}', $1, '八一大道' || n || '号', 28.68, 115.89
     FROM generate_series(1, $2) n RETURNING id`,
    [community, count],
  );
  return { elderIds: rows.map((row) => row.id), districtId: district };
}
