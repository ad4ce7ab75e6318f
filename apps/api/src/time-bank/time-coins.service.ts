import type { TimeCoinMovementView, VolunteerView } from '@eldercare/contracts';
import {
  DomainError,
  elderAccount,
  escrowAccount,
  giveCoins,
  releaseRequest,
  reverseMovement,
  volunteerAccount,
  type CoinGiftRelation,
  type TimeCoinAccount,
} from '@eldercare/domain';
import { AuditRepository, TimeCoinLedgerRepository, VolunteerRepository } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';
import { toMovementView, toVolunteerView } from './time-bank-view.mapper';
import { VolunteersService } from './volunteers.service';

const HISTORY_LIMIT = 200;

/**
 * Coins as their holders and staff see them: a volunteer's balance and journal, gifts to a parent or grandparent,
 * an elder's given coins, and staff's reversals, which undo a movement by a new one with its reason and author.
 */
@Injectable()
export class TimeCoinsService {
  constructor(
    private readonly ledger: TimeCoinLedgerRepository,
    private readonly volunteers: VolunteersService,
    private readonly volunteerRecords: VolunteerRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
  ) {}

  async own(viewer: Viewer): Promise<VolunteerView> {
    return toVolunteerView(await this.volunteers.own(viewer), viewer.role);
  }

  async ownMovements(viewer: Viewer): Promise<TimeCoinMovementView[]> {
    const volunteer = await this.volunteers.own(viewer);
    return (await this.ledger.history(volunteerAccount(volunteer.id), HISTORY_LIMIT)).map(toMovementView);
  }

  /**
   * A volunteer gives coins to a parent or grandparent, whose requests may then be paid from them. The platform
   * cannot see kinship: the volunteer states it, and it is recorded with the gift.
   */
  async give(
    viewer: Viewer,
    gift: { elderId: string; relation: CoinGiftRelation; minutes: number },
  ): Promise<VolunteerView> {
    const volunteer = await this.volunteers.own(viewer);
    if (volunteer.elderId === gift.elderId)
      throw new DomainError('time-coins-not-spendable', 'coins are given to a parent or grandparent, not oneself');
    // A parent may live anywhere in the city: the gift names them, it reads nothing of their record.
    await this.elderAccess.elderInScope({ scope: { kind: 'city' } }, gift.elderId);
    const from = volunteerAccount(volunteer.id);
    await this.ledger.inTransaction(async (manager) => {
      const movementId = await this.ledger.write(
        manager,
        [from],
        (balances) => giveCoins({ volunteerId: volunteer.id, elderId: gift.elderId, minutes: gift.minutes }, balances),
        { relation: gift.relation, authorId: viewer.id },
      );
      await this.audit.append(
        {
          userId: viewer.id,
          action: 'time-coins.give',
          elderId: gift.elderId,
          subject: `time-coin-movement:${movementId}`,
          detail: { minutes: gift.minutes, relation: gift.relation },
        },
        manager,
      );
    });
    return toVolunteerView((await this.volunteerRecords.findByUser(viewer.id)) ?? volunteer, viewer.role);
  }

  /**
   * Staff undo a movement by its reversal, with the reason; refused when its coins have moved on, it is reversed
   * already, or it is not a payment or a gift. A reversed payment's coins go back to escrow and at once from there
   * to the request's payer, so nothing stays held for a request that is settled. Staff reverse only movements about
   * an elder in their scope; any other answers as if it did not exist.
   */
  async reverse(viewer: Viewer, id: string, reason: string): Promise<TimeCoinMovementView> {
    const reversalId = await this.ledger.inTransaction(async (manager) => {
      const original = await this.ledger.lockForReversal(manager, id);
      const elderId = original && (await this.ledger.elderOfMovement(manager, id));
      if (!original || !elderId || !(await this.elderAccess.covers(viewer, elderId)))
        throw new DomainError('time-coin-movement-not-found', 'no time-coin movement with this id is yours to see');
      if (original.reversedById)
        throw new DomainError('time-coins-not-reversible', 'this movement is reversed already');
      const accounts = original.entries.map((entry) => entry.account as TimeCoinAccount);
      const movementId = await this.ledger.write(manager, accounts, (balances) => reverseMovement(original, balances), {
        requestId: original.requestId,
        reversesId: id,
        reason,
        authorId: viewer.id,
      });
      if (original.kind === 'pay' && original.requestId) {
        const requestId = original.requestId;
        const payer = await this.ledger.payerOfRequest(manager, requestId);
        if (!payer) throw new Error(`payment ${id} names request ${requestId}, which has no payer`);
        await this.ledger.write(
          manager,
          [escrowAccount(requestId)],
          (balances) => releaseRequest({ id: requestId, payer }, balances),
          { requestId, reason, authorId: viewer.id },
        );
      }
      await this.audit.append(
        {
          userId: viewer.id,
          action: 'time-coins.reverse',
          elderId: null,
          subject: `time-coin-movement:${id}`,
          detail: { reason, reversal: movementId },
        },
        manager,
      );
      return movementId;
    });
    const reversal = await this.ledger.find(reversalId);
    if (!reversal) throw new Error(`reversal ${reversalId} was written but cannot be read`);
    return toMovementView(reversal);
  }

  /** The coins an elder was given and what was spent from them, for staff and the elder's family. */
  async elderAccount(
    viewer: Viewer,
    elderId: string,
  ): Promise<{ balanceMinutes: number; movements: TimeCoinMovementView[] }> {
    await this.elderAccess.elderInScope(viewer, elderId);
    const account = elderAccount(elderId);
    await this.audit.append({
      userId: viewer.id,
      action: 'time-coins.elder-account.read',
      elderId,
      subject: `elder:${elderId}`,
    });
    return {
      balanceMinutes: await this.ledger.balanceOf(account),
      movements: (await this.ledger.history(account, HISTORY_LIMIT)).map(toMovementView),
    };
  }
}
