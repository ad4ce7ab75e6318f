import type { CareBedView } from '@eldercare/contracts';
import { checkCareBedOpening, DomainError, localDateOf, SERVICES, type CareBedOpening } from '@eldercare/domain';
import { AuditRepository, CareBedRepository, CarePlanRepository } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';

/**
 * Care beds at home: the record of the assessment, the adaptation case and the start, shown with the elder's devices
 * and care plan (the monthly service package, whose lines become work orders as every care plan's do).
 */
@Injectable()
export class CareBedsService {
  constructor(
    private readonly careBeds: CareBedRepository,
    private readonly plans: CarePlanRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
  ) {}

  /** The elder's care bed with its devices and package; 404 `care-bed-not-found` when there is none. Audited. */
  async view(viewer: Viewer, elderId: string): Promise<CareBedView> {
    await this.elderAccess.elderInScope(viewer, elderId);
    const [bed, devices, lines] = await Promise.all([
      this.careBeds.careBedOf(elderId),
      this.careBeds.devicesOf(elderId),
      this.plans.linesOf(elderId),
    ]);
    if (!bed) throw new DomainError('care-bed-not-found', 'this elder has no care bed');
    await this.audit.append({ userId: viewer.id, action: 'care-bed.read', elderId, subject: `elder:${elderId}` });
    return {
      elderId,
      careLevel: bed.careLevel,
      assessedOn: bed.assessedOn,
      startsOn: bed.startsOn,
      adaptationCase: bed.adaptationCase,
      devices,
      servicePackage: lines.map((line) => ({ ...line, minutes: line.minutes ?? SERVICES[line.service].minutes })),
      openedAt: bed.openedAt.toISOString(),
    };
  }

  /** Opens the elder's care bed once its assessment is made and a bed-sensor mat is registered. */
  async open(viewer: Viewer, elderId: string, opening: CareBedOpening, now = Date.now()): Promise<CareBedView> {
    await this.elderAccess.elderInScope(viewer, elderId);
    const [bed, facts] = await Promise.all([
      this.careBeds.careBedOf(elderId),
      this.careBeds.factsOf(elderId, opening.adaptationCaseId),
    ]);
    checkCareBedOpening(opening, {
      today: localDateOf(now),
      alreadyOpen: bed !== undefined,
      deviceTypes: facts.deviceTypes,
      adaptationCaseIsTheElders: facts.caseIsTheElders,
    });
    if (!(await this.careBeds.open({ ...opening, elderId, openedBy: viewer.id })))
      throw new DomainError('care-bed-exists', 'this elder already has a care bed');
    await this.audit.append({
      userId: viewer.id,
      action: 'care-bed.open',
      elderId,
      subject: `elder:${elderId}`,
      detail: { careLevel: opening.careLevel, adaptationCaseId: opening.adaptationCaseId },
    });
    return this.view(viewer, elderId);
  }
}
