import type { Role } from '@eldercare/contracts';

const DISPATCH_ROLES: readonly Role[] = ['operator', 'supervisor', 'admin'];

/** Operators, supervisors and admins work the live queue; other roles get their own pages. */
export function hasDispatchConsole(role: Role): boolean {
  return DISPATCH_ROLES.includes(role);
}
