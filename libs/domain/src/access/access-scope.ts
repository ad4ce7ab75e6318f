import type { Role } from './roles';

/**
 * The records a user may see. Operators and supervisors watch regions (any level of 区 > 镇/街道 > 村/社区, and so
 * everything below it); families their own elders; providers the elders they serve; admins and the bureau the
 * whole city. Volunteers see no elder's record: the time bank shows each the requests they may take or serve.
 * A home adaptation inspector watches regions, as operators do, for the cases to accept there; a contractor works
 * for a company (a provider) and sees only the adaptation cases given to it.
 */
export type AccessScope =
  | { kind: 'city' }
  | { kind: 'regions'; regionIds: readonly string[] }
  | { kind: 'elders'; elderIds: readonly string[] }
  | { kind: 'provider'; providerId: string | null }
  | { kind: 'volunteer' };

export interface ScopedUser {
  role: Role;
  regionIds: readonly string[];
  elderIds: readonly string[];
  providerId: string | null;
}

export function scopeOf(user: ScopedUser): AccessScope {
  switch (user.role) {
    case 'admin':
    case 'bureau':
      return { kind: 'city' };
    case 'operator':
    case 'supervisor':
    case 'inspector':
      return { kind: 'regions', regionIds: user.regionIds };
    case 'family':
      return { kind: 'elders', elderIds: user.elderIds };
    case 'provider_admin':
    case 'caregiver':
    case 'cashier':
    case 'contractor':
      return { kind: 'provider', providerId: user.providerId };
    case 'volunteer':
      return { kind: 'volunteer' };
  }
}

/** Where an elder is: their own id and the ids of their community, street and district. */
export interface ElderPlacement {
  elderId: string;
  regionIds: readonly string[];
}

/** True when the scope covers the elder. Providers see no elder until they serve one. */
export function isInScope(scope: AccessScope, elder: ElderPlacement): boolean {
  switch (scope.kind) {
    case 'city':
      return true;
    case 'regions':
      return elder.regionIds.some((id) => scope.regionIds.includes(id));
    case 'elders':
      return scope.elderIds.includes(elder.elderId);
    case 'provider':
    case 'volunteer':
      return false;
  }
}
