import { localMonthOf, planExcesses, type CarePlanLine, type ServiceCode } from '@eldercare/domain';
import { hashSecret } from '@eldercare/secrets';
import { CarePlanRepository, UserRepository } from '@eldercare/persistence';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from './demo-accounts';

/** Three providers of the demo district, each with an admin and caregivers; the first admin and caregiver sign in as `provider` and `caregiver`. */
export const DEMO_PROVIDERS = [
  {
    name: '东湖区夕阳红居家养老服务中心',
    phone: '0791-86661234',
    admin: ['provider', '赵敏（服务商）'],
    caregivers: [
      ['caregiver', '刘芳'],
      ['caregiver2', '陈秀兰'],
      ['caregiver3', '黄丽'],
    ],
  },
  {
    name: '百花洲颐康助餐服务社',
    phone: '0791-86662345',
    admin: ['provider2', '孙强（服务商）'],
    caregivers: [
      ['caregiver4', '周玉梅'],
      ['caregiver5', '吴海燕'],
    ],
  },
  {
    name: '滕王阁康乐护理站',
    phone: '0791-86663456',
    admin: ['provider3', '钱伟（服务商）'],
    caregivers: [
      ['caregiver6', '郑桂英'],
      ['caregiver7', '王春花'],
    ],
  },
] as const;

interface DemoElderForPlan {
  id: string;
  categories: string[];
}

/** What the demo plans for an elder by category: meals on weekdays, personal care, a weekly look-in. */
function demoLinesFor(
  elder: DemoElderForPlan,
  index: number,
  providerId: string,
  startsOn: string,
): Omit<CarePlanLine, 'id'>[] {
  const line = (
    service: ServiceCode,
    weekdays: number[],
    time: string,
    minutes?: number,
  ): Omit<CarePlanLine, 'id'> => ({
    service,
    providerId,
    weekdays,
    times: [time],
    minutes,
    startsOn,
    endsOn: null,
  });
  const lines: Omit<CarePlanLine, 'id'>[] = [];
  if (elder.categories.includes('extreme_poverty')) lines.push(line('meal-delivery', [1, 2, 3, 4, 5], '11:30'));
  if (elder.categories.includes('disabled')) lines.push(line('personal-care', [1, 3, 5], '09:00'));
  else if (elder.categories.includes('semi_disabled')) lines.push(line('personal-care', [2, 4], '09:30'));
  if (elder.categories.includes('living_alone'))
    lines.push(line('look-in', [1 + (index % 5)], ['10:00', '14:30', '15:30', '16:00'][index % 4]));
  return lines;
}

/**
 * Seeds the demo's home care once: providers with their admins and caregivers (password as every demo account),
 * and care plans for the elders whose categories are owed services, each kept within what they are owed.
 */
export async function ensureDemoHomeCare(dataSource: DataSource): Promise<void> {
  const plans = new CarePlanRepository(dataSource);
  if ((await plans.providers({ kind: 'all', withCaregivers: false })).length > 0) return;
  const users = new UserRepository(dataSource);
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const providerIds: string[] = [];
  for (const provider of DEMO_PROVIDERS) {
    const providerId = await plans.insertProvider({ name: provider.name, phone: provider.phone });
    providerIds.push(providerId);
    const [adminName, adminDisplay] = provider.admin;
    await users.create({
      username: adminName,
      displayName: adminDisplay,
      passwordHash,
      role: 'provider_admin',
      providerId,
    });
    for (const [username, displayName] of provider.caregivers)
      await users.create({ username, displayName, passwordHash, role: 'caregiver', providerId });
  }
  const admin = await users.findByUsername('admin');
  if (!admin) return;
  const rules = await plans.entitlementRules();
  const elders: (DemoElderForPlan & { street_index: number })[] = await dataSource.query(
    `SELECT e.id, e.categories, dense_rank() OVER (ORDER BY s.code) - 1 AS street_index
     FROM elders e JOIN regions c ON c.id = e.community_id JOIN regions s ON s.id = c.parent_id ORDER BY e.created_at, e.id`,
  );
  const startsOn = `${localMonthOf(Date.now())}-01`;
  for (const [index, elder] of elders.entries()) {
    const providerId = providerIds[Number(elder.street_index) % providerIds.length];
    const lines = demoLinesFor(elder, index, providerId, startsOn);
    const fits =
      planExcesses(
        lines.map((line, n) => ({ ...line, id: String(n) })),
        elder.categories,
        rules,
        startsOn,
      ).length === 0;
    if (!fits) continue;
    for (const line of lines)
      await plans.insertLine({ ...line, minutes: line.minutes ?? null, elderId: elder.id, createdBy: admin.id });
  }
}
