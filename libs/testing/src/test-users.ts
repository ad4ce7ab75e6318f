import { type Role } from '@eldercare/domain';
import { hashSecret } from '@eldercare/secrets';
import { UserRepository, type UserRecord } from '@eldercare/persistence';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** The password of every test user. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** A user of the role, watching the regions or elders given, with `TEST_PASSWORD`. */
export async function createTestUser(
  dataSource: DataSource,
  role: Role,
  scope: { regionIds?: string[]; elderIds?: string[]; providerId?: string; displayName?: string } = {},
): Promise<UserRecord> {
  return new UserRepository(dataSource).create({
    username: `${role.replace('_', '-')}-${randomBytes(4).toString('hex')}`,
    displayName: scope.displayName ?? `测试${role}`,
    passwordHash: await hashSecret(TEST_PASSWORD),
    role,
    regionIds: scope.regionIds,
    providerId: scope.providerId,
    elders: scope.elderIds?.map((elderId) => ({ elderId, relation: '女儿' })),
  });
}
