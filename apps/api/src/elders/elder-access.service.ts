import { DomainError } from '@eldercare/domain';
import { ElderRecordRepository, type ElderRecord } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';

/**
 * The one answer to "is this elder the viewer's to see": the record when their scope covers the elder, else
 * `elder-not-found`, the same refusal as for an id that names no one, so a refusal tells nothing about who exists.
 * It reads, it does not audit: what the caller does with the record is what gets recorded.
 */
@Injectable()
export class ElderAccessService {
  constructor(private readonly elders: ElderRecordRepository) {}

  async elderInScope(viewer: Pick<Viewer, 'scope'>, elderId: string): Promise<ElderRecord> {
    const elder = await this.elders.findInScope(viewer.scope, elderId);
    if (!elder) throw new DomainError('elder-not-found', 'no elder with this id is yours to see');
    return elder;
  }

  /** Whether the viewer's scope covers the elder, for a caller that answers for its own record what is not found. */
  async covers(viewer: Pick<Viewer, 'scope'>, elderId: string): Promise<boolean> {
    return (await this.elders.findInScope(viewer.scope, elderId)) !== undefined;
  }
}
