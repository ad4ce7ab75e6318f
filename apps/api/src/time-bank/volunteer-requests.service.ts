import type { VolunteerRequestView } from '@eldercare/contracts';
import {
  DomainError,
  elderAccount,
  escrowAccount,
  holdForRequest,
  nextVolunteerRequestStatus,
  payForRequest,
  releaseRequest,
  requireSpendingAge,
  servedMinutes,
  volunteerAccount,
  type TimeCoinAccount,
  type VolunteerRequestAction,
  type VolunteerRequestStatus,
  type VolunteerService,
} from '@eldercare/domain';
import {
  AuditRepository,
  TimeCoinLedgerRepository,
  VolunteerRequestRepository,
  type LockedVolunteerRequest,
  type VolunteerRequestChange,
  type VolunteerRequestReader,
  type VolunteerRequestRow,
} from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';
import { toVolunteerRequestView } from './time-bank-view.mapper';
import { VolunteersService } from './volunteers.service';

interface Position {
  lat: number;
  lon: number;
  accuracyM?: number;
}

/** What a step of a request does to the coins it holds, besides its status. */
type Settlement = { kind: 'none' } | { kind: 'pay'; minutes: number } | { kind: 'release' };

/**
 * Requests for a volunteer's help, from the asking to the coins. Asking holds the coins the request will pay (from
 * the city, the elder's given coins, or an older volunteer's own) in the same transaction that writes it; the
 * elder's family or staff confirm the visit and the served minutes are paid; a dispute goes to community staff, who
 * pay what they approve or release it all. Each step runs under the request's row lock, so a step and its ledger
 * movement happen together or not at all, and twice never.
 */
@Injectable()
export class VolunteerRequestsService {
  constructor(
    private readonly requests: VolunteerRequestRepository,
    private readonly ledger: TimeCoinLedgerRepository,
    private readonly volunteers: VolunteersService,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
  ) {}

  async search(
    viewer: Viewer,
    search: { status?: VolunteerRequestStatus; elderId?: string; limit: number },
  ): Promise<VolunteerRequestView[]> {
    const { reader, volunteerId } = await this.readerOf(viewer);
    const rows = await this.requests.search(reader, search);
    return rows.map((row) => toVolunteerRequestView(row, { role: viewer.role, volunteerId }));
  }

  async get(viewer: Viewer, id: string): Promise<VolunteerRequestView> {
    const { row, volunteerId } = await this.find(viewer, id);
    await this.audit.append({
      userId: viewer.id,
      action: 'volunteer-request.read',
      elderId: row.elder.id,
      subject: `volunteer-request:${id}`,
    });
    return toVolunteerRequestView(row, { role: viewer.role, volunteerId });
  }

  /**
   * Staff and families ask for an elder in their scope, paid by the city or from the elder's given coins; a
   * volunteer of 60 or more asks for themselves, paid from their own coins.
   */
  async create(
    viewer: Viewer,
    input: {
      elderId?: string;
      service: VolunteerService;
      startsAt: string;
      minutes: number;
      note: string;
      payer: 'city' | 'elder';
    },
    now = new Date(),
  ): Promise<VolunteerRequestView> {
    const { elderId, payer } = await this.payerOf(viewer, input, now);
    const id = await this.requests.inTransaction(async (manager) => {
      const requestId = await this.requests.insert(manager, {
        elderId,
        service: input.service,
        startsAt: new Date(input.startsAt),
        minutes: input.minutes,
        note: input.note,
        payer,
        requestedBy: viewer.id,
      });
      await this.ledger.write(
        manager,
        [payer, escrowAccount(requestId)],
        (balances) => holdForRequest({ id: requestId, payer, minutes: input.minutes }, balances),
        { requestId, authorId: viewer.id },
      );
      await this.audit.append(
        {
          userId: viewer.id,
          action: 'volunteer-request.create',
          elderId,
          subject: `volunteer-request:${requestId}`,
          detail: { service: input.service, minutes: input.minutes, payer },
        },
        manager,
      );
      return requestId;
    });
    return this.get(viewer, id);
  }

  async take(viewer: Viewer, id: string, now = new Date()): Promise<VolunteerRequestView> {
    const volunteer = await this.volunteers.own(viewer);
    await this.find(viewer, id);
    return this.step(viewer, id, 'take', { kind: 'none' }, () => ({ volunteerId: volunteer.id, takenAt: now }));
  }

  async checkIn(viewer: Viewer, id: string, position: Position, now = new Date()): Promise<VolunteerRequestView> {
    await this.requireOwnVisit(viewer, id);
    return this.step(viewer, id, 'check-in', { kind: 'none' }, () => ({
      checkedInAt: now,
      checkInPosition: { ...position },
    }));
  }

  async checkOut(
    viewer: Viewer,
    id: string,
    visit: Position & { note: string },
    now = new Date(),
  ): Promise<VolunteerRequestView> {
    await this.requireOwnVisit(viewer, id);
    const { note, ...position } = visit;
    return this.step(viewer, id, 'check-out', { kind: 'none' }, (locked) => ({
      checkedOutAt: now,
      checkOutPosition: position,
      visitNote: note,
      servedMinutes: servedMinutes({
        checkedInAt: (locked.checkedInAt ?? now).getTime(),
        checkedOutAt: now.getTime(),
        askedMinutes: locked.minutes,
      }),
    }));
  }

  /** The elder's family, or staff on the elder's word: the visit happened; the served minutes are paid. */
  async confirm(viewer: Viewer, id: string, now = new Date()): Promise<VolunteerRequestView> {
    const { row } = await this.find(viewer, id);
    return this.step(viewer, id, 'confirm', { kind: 'pay', minutes: row.servedMinutes ?? 0 }, () => ({
      confirmedBy: viewer.id,
      confirmedAt: now,
    }));
  }

  async dispute(viewer: Viewer, id: string, reason: string, now = new Date()): Promise<VolunteerRequestView> {
    await this.find(viewer, id);
    return this.step(viewer, id, 'dispute', { kind: 'none' }, () => ({
      disputedBy: viewer.id,
      disputedAt: now,
      disputeReason: reason,
    }));
  }

  /** Community staff settle a dispute: uphold it and pay the minutes they approve, or reject it and release all. */
  async resolve(
    viewer: Viewer,
    id: string,
    decision: { decision: 'uphold' | 'reject'; minutes?: number; note: string },
    now = new Date(),
  ): Promise<VolunteerRequestView> {
    const { row } = await this.find(viewer, id);
    const settlement: Settlement =
      decision.decision === 'uphold'
        ? { kind: 'pay', minutes: decision.minutes ?? row.servedMinutes ?? 0 }
        : { kind: 'release' };
    return this.step(viewer, id, decision.decision, settlement, () => ({
      resolvedBy: viewer.id,
      resolvedAt: now,
      resolutionNote: decision.note,
      ...(decision.decision === 'uphold' ? { confirmedBy: viewer.id, confirmedAt: now } : { closedAt: now }),
    }));
  }

  async cancel(viewer: Viewer, id: string, reason: string, now = new Date()): Promise<VolunteerRequestView> {
    await this.find(viewer, id);
    return this.step(viewer, id, 'cancel', { kind: 'release' }, () => ({ closedAt: now, closeReason: reason }));
  }

  private async payerOf(
    viewer: Viewer,
    input: { elderId?: string; payer: 'city' | 'elder' },
    now: Date,
  ): Promise<{ elderId: string; payer: TimeCoinAccount }> {
    if (viewer.role === 'volunteer') {
      const volunteer = await this.volunteers.own(viewer);
      if (!volunteer.elderId || (input.elderId && input.elderId !== volunteer.elderId))
        throw new DomainError('time-coins-not-spendable', 'a volunteer spends coins only on services for themselves');
      requireSpendingAge(volunteer.birthDate, now.getTime());
      return { elderId: volunteer.elderId, payer: volunteerAccount(volunteer.id) };
    }
    if (!input.elderId) throw new DomainError('invalid-request', 'elderId: the elder the help is for is required');
    await this.elderAccess.elderInScope(viewer, input.elderId);
    return { elderId: input.elderId, payer: input.payer === 'elder' ? elderAccount(input.elderId) : 'city' };
  }

  private async step(
    viewer: Viewer,
    id: string,
    action: VolunteerRequestAction,
    settlement: Settlement,
    change: (locked: LockedVolunteerRequest) => VolunteerRequestChange,
  ): Promise<VolunteerRequestView> {
    await this.requests.inRequestTransaction(id, async (manager, locked) => {
      if (!locked) throw new DomainError('volunteer-request-not-found', 'no request has this id');
      const status = nextVolunteerRequestStatus(locked.status, action);
      await this.requests.apply(manager, id, { ...change(locked), status });
      await this.settle(manager, viewer.id, locked, settlement);
      await this.audit.append(
        {
          userId: viewer.id,
          action: `volunteer-request.${action}`,
          elderId: null,
          subject: `volunteer-request:${id}`,
          detail: settlement.kind === 'pay' ? { paidMinutes: settlement.minutes } : {},
        },
        manager,
      );
    });
    return this.get(viewer, id);
  }

  private async settle(
    manager: EntityManager,
    authorId: string,
    locked: LockedVolunteerRequest,
    settlement: Settlement,
  ): Promise<void> {
    if (settlement.kind === 'none') return;
    const request = { id: locked.id, payer: locked.payer as TimeCoinAccount };
    const escrow = escrowAccount(locked.id);
    if (settlement.kind === 'release') {
      await this.ledger.write(manager, [escrow], (balances) => releaseRequest(request, balances), {
        requestId: locked.id,
        authorId,
      });
      return;
    }
    const volunteerId = locked.volunteerId;
    if (!volunteerId) throw new Error(`request ${locked.id} is paid without a volunteer`);
    await this.ledger.write(
      manager,
      [escrow],
      (balances) => payForRequest({ ...request, volunteerId }, settlement.minutes, balances),
      { requestId: locked.id, authorId },
    );
  }

  private async readerOf(viewer: Viewer): Promise<{ reader: VolunteerRequestReader; volunteerId?: string }> {
    if (viewer.role !== 'volunteer') return { reader: { kind: 'scope', scope: viewer.scope } };
    const volunteer = await this.volunteers.own(viewer);
    return {
      reader: { kind: 'volunteer', volunteerId: volunteer.id, districtId: volunteer.community.districtId },
      volunteerId: volunteer.id,
    };
  }

  private async find(viewer: Viewer, id: string): Promise<{ row: VolunteerRequestRow; volunteerId?: string }> {
    const { reader, volunteerId } = await this.readerOf(viewer);
    const row = await this.requests.findFor(reader, id);
    if (!row) throw new DomainError('volunteer-request-not-found', 'no request with this id is yours to see');
    return { row, volunteerId };
  }

  /** Only the volunteer who took the request makes its visit. */
  private async requireOwnVisit(viewer: Viewer, id: string): Promise<void> {
    const { row, volunteerId } = await this.find(viewer, id);
    if (!volunteerId || row.volunteer?.id !== volunteerId)
      throw new DomainError('volunteer-request-not-found', 'this request is not yours to serve');
  }
}
