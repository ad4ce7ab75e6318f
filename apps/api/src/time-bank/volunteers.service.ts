import type { VolunteerView } from '@eldercare/contracts';
import { birthDateInIdNumber, DomainError, requireApprovable, residentIdNumberProblem } from '@eldercare/domain';
import {
  AuditRepository,
  ElderRegistryRepository,
  UserAccountRepository,
  VolunteerRepository,
  type VolunteerRow,
} from '@eldercare/persistence';
import { hashSecret } from '@eldercare/secrets';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';
import { toVolunteerView } from './time-bank-view.mapper';

/**
 * Volunteers of the time bank as community staff keep them: registered with their real name and ID number, the ID
 * card checked in person, trained, then approved with a sign-in of their own. Staff see the volunteers of the
 * regions they watch; every step is audited.
 */
@Injectable()
export class VolunteersService {
  constructor(
    private readonly volunteers: VolunteerRepository,
    private readonly registry: ElderRegistryRepository,
    private readonly accounts: UserAccountRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
  ) {}

  async list(viewer: Viewer, limit: number): Promise<VolunteerView[]> {
    const rows = await this.volunteers.list(viewer.scope, limit);
    return rows.map((row) => toVolunteerView(row, viewer.role));
  }

  async register(
    viewer: Viewer,
    input: { name: string; idNumber: string; phone: string; communityId: string; elderId?: string; trainedOn?: string },
  ): Promise<VolunteerView> {
    const problem = residentIdNumberProblem(input.idNumber);
    const birthDate = birthDateInIdNumber(input.idNumber);
    if (problem || !birthDate) throw new DomainError('invalid-request', `idNumber ${problem ?? 'has no birth date'}`);
    const [community] = await this.registry.regionsInScope(viewer.scope, { ids: [input.communityId] });
    if (!community) throw new DomainError('region-not-found', 'no community with this id is yours to register in');
    if (community.level !== 'community')
      throw new DomainError('region-not-a-community', `a volunteer belongs to a community, not a ${community.level}`);
    if (input.elderId) await this.elderAccess.elderInScope(viewer, input.elderId);
    const id = await this.volunteers.register({
      name: input.name,
      idNumber: input.idNumber,
      birthDate,
      phone: input.phone,
      communityId: input.communityId,
      elderId: input.elderId ?? null,
      trainedOn: input.trainedOn ?? null,
      registeredBy: viewer.id,
    });
    if (!id) throw new DomainError('volunteer-already-registered', 'this ID number is registered as a volunteer');
    await this.audit.append({
      userId: viewer.id,
      action: 'volunteer.register',
      elderId: input.elderId ?? null,
      subject: `volunteer:${id}`,
    });
    return this.get(viewer, id);
  }

  async get(viewer: Viewer, id: string): Promise<VolunteerView> {
    return toVolunteerView(await this.find(viewer, id), viewer.role);
  }

  /** Staff saw the ID card in person; the training date may come with it. */
  async recordIdCheck(viewer: Viewer, id: string, trainedOn?: string, now = new Date()): Promise<VolunteerView> {
    await this.find(viewer, id);
    await this.volunteers.inVolunteerTransaction(id, async (manager) => {
      await this.volunteers.recordIdCheck(manager, id, viewer.id, now, trainedOn);
      await this.audit.append(
        { userId: viewer.id, action: 'volunteer.id-check', elderId: null, subject: `volunteer:${id}` },
        manager,
      );
    });
    return this.get(viewer, id);
  }

  async approve(
    viewer: Viewer,
    id: string,
    signIn: { username: string; password: string },
    now = new Date(),
  ): Promise<VolunteerView> {
    const volunteer = await this.find(viewer, id);
    requireApprovable(
      {
        birthDate: volunteer.birthDate,
        idCheckedAt: volunteer.idCheckedAt?.getTime() ?? null,
        trainedOn: volunteer.trainedOn,
        approvedAt: volunteer.approvedAt?.getTime() ?? null,
      },
      now.getTime(),
    );
    if (await this.accounts.usernameTaken(signIn.username))
      throw new DomainError('username-taken', 'another user has this user name');
    const passwordHash = await hashSecret(signIn.password);
    // The question above answers the usual case; the unique index still decides two approvals racing for one name.
    const takenMeanwhile = (error: unknown): never => {
      if ((error as { constraint?: string }).constraint === 'users_username_key')
        throw new DomainError('username-taken', 'another user has this user name');
      throw error;
    };
    await this.volunteers
      .inVolunteerTransaction(id, async (manager) => {
        const locked = await this.volunteers.findInScope({ kind: 'city' }, id);
        if (locked?.approvedAt) throw new DomainError('volunteer-not-approvable', 'the volunteer is approved already');
        await this.volunteers.approve(manager, id, {
          username: signIn.username,
          displayName: volunteer.name,
          passwordHash,
          by: viewer.id,
          at: now,
        });
        await this.audit.append(
          { userId: viewer.id, action: 'volunteer.approve', elderId: null, subject: `volunteer:${id}` },
          manager,
        );
      })
      .catch(takenMeanwhile);
    return this.get(viewer, id);
  }

  /** The signed-in volunteer's own record. */
  async own(viewer: Viewer): Promise<VolunteerRow> {
    const volunteer = await this.volunteers.findByUser(viewer.id);
    if (!volunteer?.approvedAt)
      throw new DomainError('volunteer-not-approved', 'this sign-in is no approved volunteer');
    return volunteer;
  }

  private async find(viewer: Viewer, id: string): Promise<VolunteerRow> {
    const volunteer = await this.volunteers.findInScope(viewer.scope, id);
    if (!volunteer) throw new DomainError('volunteer-not-found', 'no volunteer with this id is yours to see');
    return volunteer;
  }
}
