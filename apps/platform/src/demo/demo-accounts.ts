import { type Role } from '@eldercare/domain';
import { hashSecret } from '@eldercare/secrets';
import { UserRepository } from '@eldercare/persistence';
import type { DataSource } from 'typeorm';

/** The demo's password for every demo account, printed in the README. Demo only. */
export const DEMO_PASSWORD = 'eldercare-demo';

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** Region codes watched (operators, supervisors, inspectors). */
  regionCodes?: string[];
  /** Demo elders' keys (families): the elder whose devices are btn-<key> … */
  elderKeys?: string[];
}

/** One account per role, watching the demo district; one operator sees only 公园街道. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'operator', displayName: '张敏', role: 'operator', regionCodes: ['360102'] },
  { username: 'operator2', displayName: '刘洋', role: 'operator', regionCodes: ['360102'] },
  { username: 'street-operator', displayName: '陈静', role: 'operator', regionCodes: ['360102001'] },
  { username: 'supervisor', displayName: '周建华', role: 'supervisor', regionCodes: ['360102'] },
  { username: 'inspector', displayName: '邓卫东（改造验收）', role: 'inspector', regionCodes: ['360102'] },
  { username: 'family', displayName: '王丽（家属）', role: 'family', elderKeys: ['000004'] },
  { username: 'bureau', displayName: '东湖区民政局', role: 'bureau' },
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
];

/** Creates the demo accounts that do not exist yet; a database seeded before they existed gets them too. */
export async function ensureDemoAccounts(
  dataSource: DataSource,
  elderIdsByKey: (keys: string[]) => Promise<string[]>,
): Promise<void> {
  const users = new UserRepository(dataSource);
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    if (await users.findByUsername(account.username)) continue;
    const regions: { id: string }[] = await dataSource.query('SELECT id FROM regions WHERE code = ANY($1::text[])', [
      account.regionCodes ?? [],
    ]);
    const elderIds = await elderIdsByKey(account.elderKeys ?? []);
    await users.create({
      username: account.username,
      displayName: account.displayName,
      passwordHash,
      role: account.role,
      regionIds: regions.map((region) => region.id),
      elders: elderIds.map((elderId) => ({ elderId, relation: '女儿' })),
    });
  }
}
