import {
  DEFAULT_ABANDON_AFTER_HOURS,
  escrowAccount,
  isAbandoned,
  nextVolunteerRequestStatus,
  releaseRequest,
  type TimeCoinAccount,
} from '@eldercare/domain';
import { TimeCoinLedgerRepository, VolunteerRequestRepository } from '@eldercare/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';

/** Requests closed in one sweep at most; the next sweep takes the rest. */
const SWEEP_LIMIT = 500;

/**
 * Closes the time bank's requests nobody came for, once their wait has passed, and gives their held coins back to
 * their payers. Each request is closed in its own transaction under its row lock, so a volunteer checking in at the
 * same moment either comes first (and the request is no longer waiting) or finds it abandoned.
 */
@Injectable()
export class AbandonedRequestReleaser {
  private readonly logger = new Logger(AbandonedRequestReleaser.name);

  constructor(
    private readonly requests: VolunteerRequestRepository,
    private readonly ledger: TimeCoinLedgerRepository,
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
  ) {}

  async sweep(now = Date.now()): Promise<number> {
    const afterHours = this.options.abandonVolunteerRequestsAfterHours ?? DEFAULT_ABANDON_AFTER_HOURS;
    const at = new Date(now);
    let released = 0;
    for (const id of await this.requests.abandonedIds(at, afterHours, SWEEP_LIMIT)) {
      const closed = await this.requests.inRequestTransaction(id, async (manager, locked) => {
        if (!locked || !isAbandoned({ status: locked.status, startsAt: locked.startsAt.getTime() }, now, afterHours))
          return false;
        const status = nextVolunteerRequestStatus(locked.status, 'abandon');
        await this.requests.apply(manager, id, {
          status,
          closedAt: at,
          closeReason: `nobody came within ${afterHours} hours of the start`,
        });
        const request = { id, payer: locked.payer as TimeCoinAccount };
        await this.ledger.write(manager, [escrowAccount(id)], (balances) => releaseRequest(request, balances), {
          requestId: id,
          authorId: null,
        });
        return true;
      });
      if (closed) released += 1;
    }
    if (released > 0) this.logger.log(`${released} abandoned volunteer requests closed and their coins released`);
    return released;
  }
}
