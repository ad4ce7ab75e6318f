import type { Role, UserInput } from '@eldercare/contracts';
import { scopeOf } from '@eldercare/domain';
import type { MessageKey } from '../i18n/messages.zh-CN';

/** The new-user form as typed; elders are picked by name and sent by id. */
export interface UserDraft {
  username: string;
  displayName: string;
  password: string;
  role: Role | '';
  regionIds: string[];
  elders: { id: string; name: string }[];
  /** Provider admins, caregivers, cashiers and contractors: the provider (or company) they work for. */
  providerId: string;
}

export const EMPTY_USER_DRAFT: UserDraft = {
  username: '',
  displayName: '',
  password: '',
  role: '',
  regionIds: [],
  elders: [],
  providerId: '',
};

/** The contract's minimum. */
export const PASSWORD_MIN_LENGTH = 10;

/** The api's rule for a username, which it lower-cases first (sign-in lower-cases what is typed). */
const USERNAME = /^[a-z0-9][a-z0-9_.-]{1,63}$/;

/**
 * Operators, supervisors and adaptation inspectors watch regions; a family watches its own elders; provider staff (a
 * canteen's cashier, an adaptation contractor too) work for a provider. As the api decides it (`scopeOf`).
 */
export function scopeKindOf(role: Role | ''): 'regions' | 'elders' | 'provider' | 'none' {
  if (role === '') return 'none';
  const { kind } = scopeOf({ role, regionIds: [], elderIds: [], providerId: null });
  return kind === 'regions' || kind === 'elders' || kind === 'provider' ? kind : 'none';
}

export type UserProblems = Partial<
  Record<'username' | 'displayName' | 'password' | 'role' | 'regionIds' | 'elders' | 'providerId', MessageKey>
>;

/**
 * Checks the form and builds the request. A user who watches nothing would see empty pages, so an operator needs a
 * region, a family an elder and provider staff their provider; the scope a role does not use is sent empty.
 */
export function checkUserDraft(
  draft: UserDraft,
): { ok: true; input: UserInput } | { ok: false; problems: UserProblems } {
  const problems: UserProblems = {};
  const username = draft.username.trim().toLowerCase();
  if (username === '') problems.username = 'elder-form.required';
  else if (!USERNAME.test(username)) problems.username = 'user-form.bad-username';
  if (draft.displayName.trim() === '') problems.displayName = 'elder-form.required';
  if ([...draft.password].length < PASSWORD_MIN_LENGTH) problems.password = 'user-form.password-short';
  const scope = scopeKindOf(draft.role);
  if (draft.role === '') problems.role = 'elder-form.required';
  if (scope === 'regions' && draft.regionIds.length === 0) problems.regionIds = 'user-form.regions-required';
  if (scope === 'elders' && draft.elders.length === 0) problems.elders = 'user-form.elders-required';
  if (scope === 'provider' && draft.providerId === '') problems.providerId = 'user-form.provider-required';
  if (Object.keys(problems).length > 0 || draft.role === '') return { ok: false, problems };
  return {
    ok: true,
    input: {
      username,
      displayName: draft.displayName.trim(),
      password: draft.password,
      role: draft.role,
      regionIds: scope === 'regions' ? draft.regionIds : [],
      elderIds: scope === 'elders' ? draft.elders.map((elder) => elder.id) : [],
      providerId: scope === 'provider' ? draft.providerId : null,
    },
  };
}
