import { ElderEntity, RegionEntity } from '@eldercare/persistence';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** An elder in a fresh community, with rule overrides if given; returns the elder's id. */
export async function createTestElder(dataSource: DataSource, ruleSettings: Record<string, unknown> = {}): Promise<string> {
  const regions = dataSource.getRepository(RegionEntity);
  const code = randomBytes(6).toString('hex');
  const district = await regions.save({ code: `d-${code}`, name: '测试区', level: 'district', parentId: null });
  const street = await regions.save({ code: `s-${code}`, name: '测试街道', level: 'street', parentId: district.id });
  const community = await regions.save({ code: `c-${code}`, name: '测试社区', level: 'community', parentId: street.id });
  const elder = await dataSource.getRepository(ElderEntity).save({
    name: '王秀英',
    gender: 'female',
    birthDate: '1941-03-08',
    categories: ['living_alone', 'advanced_age'],
    communityId: community.id,
    address: '南昌市东湖区八一大道1号',
    ruleSettings,
  });
  return elder.id;
}
