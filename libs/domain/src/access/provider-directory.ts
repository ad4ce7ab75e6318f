import type { AccessScope } from './access-scope';
import type { Role } from './roles';

/**
 * Which care providers a user may list, and whether with their caregivers. Dispatch, supervisors, admins and the
 * bureau pick or oversee providers city-wide, so they list them all, but none of them assigns a caregiver: the
 * caregivers (names and ids of a provider's staff) go only to that provider's own admin, who assigns them. A family
 * lists the providers serving their own elders, and learns who came from their elder's visits, not from here.
 */
export type ProviderDirectory =
  | { kind: 'all'; withCaregivers: false }
  | { kind: 'own'; providerId: string | null; withCaregivers: boolean }
  | { kind: 'serving-elders'; elderIds: readonly string[]; withCaregivers: false };

export function providerDirectoryFor(role: Role, scope: AccessScope): ProviderDirectory {
  switch (role) {
    case 'operator':
    case 'supervisor':
    case 'admin':
    case 'bureau':
      return { kind: 'all', withCaregivers: false };
    case 'provider_admin':
    case 'caregiver':
    case 'cashier':
    case 'contractor':
      return {
        kind: 'own',
        providerId: scope.kind === 'provider' ? scope.providerId : null,
        withCaregivers: role === 'provider_admin',
      };
    case 'volunteer':
    case 'inspector':
      return { kind: 'serving-elders', elderIds: [], withCaregivers: false };
    case 'family':
      return { kind: 'serving-elders', elderIds: scope.kind === 'elders' ? scope.elderIds : [], withCaregivers: false };
  }
}
