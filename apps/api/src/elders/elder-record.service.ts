import type { ElderCard } from '@eldercare/contracts';
import { AuditRepository } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { toElderCard } from './elder-card.mapper';
import { ElderAccessService } from './elder-access.service';

/** Elders' records as each role may see them; every read leaves an audit entry. */
@Injectable()
export class ElderRecordService {
  constructor(
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
  ) {}

  async card(viewer: Viewer, elderId: string): Promise<ElderCard> {
    const record = await this.elderAccess.elderInScope(viewer, elderId);
    await this.audit.append({ userId: viewer.id, action: 'elder.read', elderId, subject: `elder:${elderId}` });
    return toElderCard(record, viewer.role);
  }
}
