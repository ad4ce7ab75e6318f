import type { UserInput, UserView } from '@eldercare/contracts';
import { DomainError, scopeAssignmentProblem } from '@eldercare/domain';
import { hashSecret } from '@eldercare/secrets';
import { AuditRepository, CarePlanRepository, UserAccountRepository, UserRepository } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import type { Viewer } from '../auth/viewer';
import { toUserView } from './user-view.mapper';

/** What the database says when a new user names something that is not there, or a name already taken. */
const REFUSAL_OF_CONSTRAINT: Record<string, () => DomainError> = {
  users_username_key: () => new DomainError('username-taken', 'another user has this user name'),
  user_regions_region_id_fkey: () => new DomainError('region-not-found', 'a region given does not exist'),
  user_elders_elder_id_fkey: () => new DomainError('elder-not-found', 'an elder given does not exist'),
};

/**
 * Users' accounts as admins keep them: each role gets the kind of scope it works with (regions for operators and
 * supervisors, their own elders for families), passwords are kept as scrypt hashes, and disabling an account ends
 * its sessions at once, live sockets included. Creating and disabling are audited.
 */
@Injectable()
export class UserAccountService {
  constructor(
    private readonly users: UserRepository,
    private readonly accounts: UserAccountRepository,
    private readonly plans: CarePlanRepository,
    private readonly audit: AuditRepository,
    private readonly auth: AuthService,
  ) {}

  async list(): Promise<UserView[]> {
    return (await this.accounts.list()).map(toUserView);
  }

  async create(viewer: Viewer, input: UserInput): Promise<UserView> {
    const regionIds = [...new Set(input.regionIds)];
    const elderIds = [...new Set(input.elderIds)];
    const problem = scopeAssignmentProblem(input.role, { regionIds, elderIds, providerId: input.providerId });
    if (problem) throw new DomainError('user-scope-mismatch', problem);
    // Asked first so that the usual refusals are answered without a failed insert in the log; the constraints still
    // decide a race between two admins.
    if (await this.accounts.usernameTaken(input.username)) throw REFUSAL_OF_CONSTRAINT.users_username_key();
    const missing = await this.accounts.missing(regionIds, elderIds);
    if (missing.regionIds.length > 0) throw REFUSAL_OF_CONSTRAINT.user_regions_region_id_fkey();
    if (missing.elderIds.length > 0) throw REFUSAL_OF_CONSTRAINT.user_elders_elder_id_fkey();
    if (input.providerId && !(await this.plans.providerExists(input.providerId)))
      throw new DomainError('provider-not-found', 'no provider has this id');
    const passwordHash = await hashSecret(input.password);
    const user = await this.users
      .create({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        providerId: input.providerId,
        regionIds,
        elders: elderIds.map((elderId) => ({ elderId, relation: '' })),
      })
      .catch((error: unknown) => {
        throw REFUSAL_OF_CONSTRAINT[(error as { constraint?: string }).constraint ?? '']?.() ?? error;
      });
    await this.audit.append({
      userId: viewer.id,
      action: 'user.create',
      elderId: null,
      subject: `user:${user.id}`,
      detail: { username: user.username, role: user.role },
    });
    return toUserView((await this.accounts.findById(user.id))!);
  }

  /**
   * Disables the account and ends its sessions: its next request, from any console, answers 401, and its live
   * sockets close at once, on every api instance.
   */
  async disable(viewer: Viewer, userId: string, at = new Date()): Promise<void> {
    if (userId === viewer.id)
      throw new DomainError('user-is-yourself', 'an admin cannot disable their own account: ask another admin');
    const account = await this.accounts.findById(userId);
    if (!account) throw new DomainError('user-not-found', 'no user has this id');
    const { disabled, endedSessions } = await this.accounts.disable(userId, at);
    if (!disabled) throw new DomainError('user-already-disabled', `${account.username} is already disabled`);
    this.auth.sessionsEnded(endedSessions);
    await this.audit.append({
      userId: viewer.id,
      action: 'user.disable',
      elderId: null,
      subject: `user:${userId}`,
      detail: { username: account.username },
    });
  }
}
