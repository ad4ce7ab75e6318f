import type { ElderCard, ElderInput, ElderPage } from '@eldercare/contracts';
import { DomainError } from '@eldercare/domain';
import { AuditRepository, ElderRegistryRepository, type ElderSearch } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from './elder-access.service';
import { toElderCard } from './elder-card.mapper';
import { onRecord } from './elder-on-record';
import { toElderSummary } from './elder-summary.mapper';

/**
 * The registry of elders as supervisors and admins keep it: listed within the viewer's scope (a list is not a read
 * of anyone's record, so it is not audited), written one record at a time with an audit entry in the same
 * transaction; 高龄 is set from the birth date, not taken as ticked. A writer places elders only in communities of their own scope; one outside it is answered as not
 * found, like an elder outside it.
 */
@Injectable()
export class ElderRegistryService {
  constructor(
    private readonly registry: ElderRegistryRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
  ) {}

  async search(viewer: Viewer, search: ElderSearch): Promise<ElderPage> {
    const { elders, total } = await this.registry.search(viewer.scope, search);
    return { elders: elders.map((elder) => toElderSummary(elder, viewer.role)), total };
  }

  async create(viewer: Viewer, input: ElderInput): Promise<ElderCard> {
    await this.assertWritableCommunity(viewer, input.communityId);
    const elderId = await this.registry.inWriteTransaction(async (manager) => {
      await this.assertIdNumberFree(manager, input.idNumber);
      const [id] = await this.registry.insert(manager, [onRecord(input)]);
      await this.audit.append(
        { userId: viewer.id, action: 'elder.create', elderId: id, subject: `elder:${id}` },
        manager,
      );
      return id;
    });
    return this.cardOf(viewer, elderId);
  }

  /** Replaces the record; the audit entry names the fields that changed. */
  async update(viewer: Viewer, elderId: string, input: ElderInput): Promise<ElderCard> {
    await this.elderAccess.elderInScope(viewer, elderId);
    await this.assertWritableCommunity(viewer, input.communityId);
    await this.registry.inWriteTransaction(async (manager) => {
      await this.assertIdNumberFree(manager, input.idNumber, elderId);
      const changed = await this.registry.update(manager, elderId, onRecord(input));
      await this.audit.append(
        { userId: viewer.id, action: 'elder.update', elderId, subject: `elder:${elderId}`, detail: { changed } },
        manager,
      );
    });
    return this.cardOf(viewer, elderId);
  }

  private async assertWritableCommunity(viewer: Viewer, communityId: string): Promise<void> {
    const [region] = await this.registry.regionsInScope(viewer.scope, { ids: [communityId] });
    if (!region) throw new DomainError('region-not-found', 'no community with this id is yours to place elders in');
    if (region.level !== 'community')
      throw new DomainError(
        'region-not-a-community',
        `an elder lives in a community (村/社区), not in a ${region.level}`,
      );
  }

  /** One person, one record: a second record with the same ID number would split their alerts and visits. */
  private async assertIdNumberFree(manager: EntityManager, idNumber: string, elderId?: string): Promise<void> {
    const registered = await this.registry.registeredIdNumbers(manager, [idNumber], elderId);
    if (registered.size > 0)
      throw new DomainError('elder-already-registered', 'an elder with this ID number is already registered');
  }

  /** The record as written, for the writer; not audited as a read, the write is. */
  private async cardOf(viewer: Viewer, elderId: string): Promise<ElderCard> {
    return toElderCard(await this.elderAccess.elderInScope(viewer, elderId), viewer.role);
  }
}
