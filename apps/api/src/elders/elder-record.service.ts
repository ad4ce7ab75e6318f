import type { ElderCard } from '@eldercare/contracts';
import { DomainError } from '@eldercare/domain';
import { AuditRepository, ElderRecordRepository } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { toElderCard } from './elder-card.mapper';

/** Elders' records as each role may see them; every read leaves an audit entry. */
@Injectable()
export class ElderRecordService {
  constructor(
    private readonly elders: ElderRecordRepository,
    private readonly audit: AuditRepository,
  ) {}

  async card(viewer: Viewer, elderId: string): Promise<ElderCard> {
    const record = await this.elders.findInScope(viewer.scope, elderId);
    if (!record) throw new DomainError('elder-not-found', 'no elder with this id is yours to see');
    await this.audit.append({ userId: viewer.id, action: 'elder.read', elderId, subject: `elder:${elderId}` });
    return toElderCard(record, viewer.role);
  }
}
