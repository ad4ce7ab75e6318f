import type { UserView } from '@eldercare/contracts';
import type { UserAccountRecord } from '@eldercare/persistence';

export function toUserView(account: UserAccountRecord): UserView {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    regionIds: account.regionIds,
    elderIds: account.elderIds,
    providerId: account.providerId,
    disabled: account.disabledAt !== null,
    createdAt: account.createdAt.toISOString(),
  };
}
