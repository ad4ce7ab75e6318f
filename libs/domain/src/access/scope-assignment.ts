import { scopeOf } from './access-scope';
import type { Role } from './roles';

/**
 * What is wrong with giving a new user of `role` these regions, elders or provider, in words; undefined when it
 * fits. Only the roles whose scope is regions take regions, only families take elders, only provider staff a
 * provider, and each needs theirs: a user who watches nothing is a mistake, not a choice.
 */
export function scopeAssignmentProblem(
  role: Role,
  given: { regionIds: readonly string[]; elderIds: readonly string[]; providerId?: string | null },
): string | undefined {
  const { kind } = scopeOf({ role, regionIds: [], elderIds: [], providerId: null });
  if (kind !== 'regions' && given.regionIds.length > 0)
    return `a ${role} is given no regions: only operators, supervisors and adaptation inspectors watch regions`;
  if (kind !== 'elders' && given.elderIds.length > 0) return `a ${role} is given no elders: only family members are`;
  if (kind === 'regions' && given.regionIds.length === 0) return `a ${role} needs at least one region to watch`;
  if (kind === 'elders' && given.elderIds.length === 0) return 'a family member needs at least one elder';
  if (kind !== 'provider' && given.providerId)
    return `a ${role} belongs to no provider: only a provider's staff and adaptation contractors do`;
  if (kind === 'provider' && !given.providerId) return `a ${role} needs the provider they work for`;
  return undefined;
}
