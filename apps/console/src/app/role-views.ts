import type { Role } from '@eldercare/contracts';
import { hasDispatchConsole } from './console-roles';
import { mayOpen } from './page-access';
import type { Page } from './pages';

/** What a page's address shows: the page itself, a role's own home page, or the word that it is not permitted. */
export type View =
  | Page
  | 'visits'
  | 'volunteer'
  | 'family'
  | 'provider'
  | 'canteen'
  | 'adaptation-field'
  | 'role-greeting'
  | 'not-permitted';

/** The roles that work home adaptation cases at the home (building, inspecting), on their phone-sized page. */
const ADAPTATION_FIELD_ROLES: readonly Role[] = ['inspector', 'contractor'];

/** The home page of a role without the dispatch console: its own work, or a greeting for a role that has none. */
function homeOf(role: Role): View {
  switch (role) {
    case 'caregiver':
      return 'visits';
    case 'volunteer':
      return 'volunteer';
    case 'family':
      return 'family';
    case 'provider_admin':
      return 'provider';
    case 'bureau':
      return 'reports';
    case 'cashier':
      return 'canteen';
    case 'inspector':
    case 'contractor':
      return 'adaptation-field';
    default:
      return 'role-greeting';
  }
}

/**
 * What `role` sees at `page`: the dispatch pages for the dispatch roles and a home page for the rest, the registry
 * pages by permission. Every role may open a case link; the server answers 404 for an alert the user may not see.
 */
export function viewOf(role: Role, page: Page): View {
  if (!mayOpen(role, page)) return 'not-permitted';
  if (page === 'queue' || page === 'history') return hasDispatchConsole(role) ? page : homeOf(role);
  if (page === 'adaptation' && ADAPTATION_FIELD_ROLES.includes(role)) return 'adaptation-field';
  return page;
}
